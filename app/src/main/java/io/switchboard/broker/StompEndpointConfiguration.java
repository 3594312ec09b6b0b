package io.switchboard.broker;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.messaging.handler.invocation.HandlerMethodReturnValueHandler;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP endpoints: {@code /app} goes to the controllers; subscriptions and everything the
 * server sends to clients are the delivery engine's.
 */
@Configuration(proxyBeanMethods = false)
class StompEndpointConfiguration implements WebSocketMessageBrokerConfigurer {

	static final int MAX_FRAME_BYTES = 64 * 1024;

	private static final int CONTAINER_BUFFER = 1024;

	private final DeliverySettings settings;

	private final ClientSessions sessions;

	private final ThreadPoolTaskExecutor outboundWriters;

	private final DeliveryMetrics metrics;

	private final StompReceipts receipts;

	private final ObjectProvider<HandshakeInterceptor> handshakeInterceptors;

	/**
	 * @param handshakeInterceptors what may refuse a new session before it exists, such
	 * as a rate limit
	 */
	StompEndpointConfiguration(DeliverySettings settings, ClientSessions sessions,
			ThreadPoolTaskExecutor outboundWriters, DeliveryMetrics metrics, StompReceipts receipts,
			ObjectProvider<HandshakeInterceptor> handshakeInterceptors) {
		this.handshakeInterceptors = handshakeInterceptors;
		this.settings = settings;
		this.sessions = sessions;
		this.outboundWriters = outboundWriters;
		this.metrics = metrics;
		this.receipts = receipts;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		String[] origins = this.settings.allowedOrigins().toArray(String[]::new);
		HandshakeInterceptor[] interceptors = this.handshakeInterceptors.orderedStream()
			.toArray(HandshakeInterceptor[]::new);
		registry.addEndpoint("/ws").setAllowedOriginPatterns(origins).addInterceptors(interceptors);
		registry.addEndpoint("/sockjs")
			.setAllowedOriginPatterns(origins)
			.addInterceptors(interceptors)
			.withSockJS()
			// Tells SockJS clients to use only transports that send cookies: a session
			// is bound to its opener by one.
			.setSessionCookieNeeded(true);
		registry.setErrorHandler(new ProtocolErrorFrames());
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
		registry.setPathMatcher(new AntPathMatcher("."));
	}

	/**
	 * A STOMP frame may be 64 KB: a 4,000-character message is at most 16 KB of UTF-8. A
	 * longer frame is a protocol violation that closes the sender's connection.
	 */
	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(MAX_FRAME_BYTES);
		registration.addDecoratorFactory(
				new ConnectionTracking(this.sessions, this.outboundWriters, this.settings, this.metrics));
	}

	@Override
	public void addReturnValueHandlers(List<HandlerMethodReturnValueHandler> returnValueHandlers) {
		returnValueHandlers.add(new ReceiptOnCompletion(this.receipts));
	}

	/**
	 * Inbound frames are handled on the thread that read them, one after another per
	 * session, so SENDs from one session are processed in the order they were sent
	 * (PROTOCOL.md section 2). Runs after Spring Boot's configurer, which would hand
	 * frames to a thread pool.
	 */
	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.executor(new SyncTaskExecutor());
	}

	/**
	 * What Spring sends a client (CONNECTED, RECEIPT, ERROR) only joins the client's
	 * queue, which never blocks: no thread pool needed, and the frames keep their order.
	 */
	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.executor(new SyncTaskExecutor());
	}

	/**
	 * Every socket gets message buffers of this size (in characters for text) from the
	 * WebSocket container, so they are small: the container hands over longer messages in
	 * parts (see {@link ConnectionTracking}), and the STOMP decoder puts frames back
	 * together up to {@link #MAX_FRAME_BYTES}, answering a longer one with an ERROR
	 * frame.
	 */
	@Bean
	static ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(CONTAINER_BUFFER);
		container.setMaxBinaryMessageBufferSize(CONTAINER_BUFFER);
		return container;
	}

	@Bean
	HandlersAnswerEverySend handlersAnswerEverySend(SimpAnnotationMethodMessageHandler handlers) {
		return new HandlersAnswerEverySend(handlers);
	}

	@Bean
	static SocketBuffers socketBuffers(DeliverySettings settings) {
		return new SocketBuffers(settings);
	}

}
