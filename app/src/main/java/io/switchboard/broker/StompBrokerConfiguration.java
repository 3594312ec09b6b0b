package io.switchboard.broker;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP endpoints and the relay: {@code /app} goes to the controllers, {@code /topic} and
 * {@code /queue} through the relay to the broker, {@code /user} to one user's sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class StompBrokerConfiguration implements WebSocketMessageBrokerConfigurer {

	static final String UNRESOLVED_USER_DESTINATION = "/topic/switchboard.unresolved-user";

	static final String USER_REGISTRY_BROADCAST = "/topic/switchboard.user-registry";

	static final int MAX_FRAME_BYTES = 64 * 1024;

	private final BrokerConnection connection;

	private final BrokerSettings settings;

	private final ThreadPoolTaskScheduler relayHeartbeatScheduler;

	StompBrokerConfiguration(BrokerConnection connection, BrokerSettings settings,
			ThreadPoolTaskScheduler relayHeartbeatScheduler) {
		this.connection = connection;
		this.settings = settings;
		this.relayHeartbeatScheduler = relayHeartbeatScheduler;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		String[] origins = this.settings.allowedOrigins().toArray(String[]::new);
		registry.addEndpoint("/ws").setAllowedOriginPatterns(origins);
		registry.addEndpoint("/sockjs").setAllowedOriginPatterns(origins).withSockJS();
		registry.setErrorHandler(new ProtocolErrorFrames());
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
		registry.setPathMatcher(new AntPathMatcher("."));
		registry.setPreservePublishOrder(true);
		registry.enableStompBrokerRelay("/topic", "/queue")
			.setRelayHost(this.connection.host())
			.setRelayPort(this.connection.port())
			.setClientLogin(this.connection.login())
			.setClientPasscode(this.connection.passcode())
			.setSystemLogin(this.connection.login())
			.setSystemPasscode(this.connection.passcode())
			.setTaskScheduler(this.relayHeartbeatScheduler)
			// Several server nodes share one broker: these let a node reach a user's
			// sessions on another node.
			.setUserDestinationBroadcast(UNRESOLVED_USER_DESTINATION)
			.setUserRegistryBroadcast(USER_REGISTRY_BROADCAST);
		registry.configureBrokerChannel().interceptors(new RelayedHeaderScrubber());
	}

	/**
	 * A STOMP frame may be 64 KB: a 4,000-character message is at most 16 KB of UTF-8. A
	 * longer frame is a protocol violation that closes the sender's connection.
	 */
	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		registration.setMessageSizeLimit(MAX_FRAME_BYTES);
	}

	/**
	 * Inbound frames are handled on the thread that read them, one after another per
	 * session, so SENDs from one session are processed in the order they were sent
	 * (PROTOCOL.md section 2). Spring's alternative, {@code setPreserveReceiveOrder},
	 * breaks delivery to a user's second session. Runs after Spring Boot's configurer,
	 * which would hand frames to a thread pool.
	 */
	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.executor(new SyncTaskExecutor());
		registration.interceptors(new HeartbeatFloor(this.settings.clientHeartbeatFloor()));
	}

}
