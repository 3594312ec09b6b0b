package io.switchboard.broker;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A STOMP session without a socket, for rules that sockets make slow to prove: frames go
 * straight into {@code clientInboundChannel}, as the STOMP handler would put them there,
 * and whatever the server writes back is decoded from a stand-in for the WebSocket
 * session. Everything between (interceptors, handlers, the delivery engine, receipts and
 * error events) is the real server's.
 */
public final class FrameSession implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final MessageChannel inbound;

	private final WebSocketHandler handler;

	private final JsonMapper json;

	private final CapturingSession socket = new CapturingSession();

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	private volatile @Nullable Principal user;

	private FrameSession(MessageChannel inbound, WebSocketHandler handler, JsonMapper json) {
		this.inbound = inbound;
		this.handler = handler;
		this.json = json;
	}

	/**
	 * Opens the session as the WebSocket endpoint would, then sends CONNECT with the
	 * token and waits for CONNECTED.
	 */
	public static FrameSession connect(ApplicationContext context, String token) throws Exception {
		WebSocketHandler stomp = context.getBean("subProtocolWebSocketHandler", WebSocketHandler.class);
		// The decorator every real socket's handler gets (StompEndpointConfiguration).
		ConnectionTracking tracking = new ConnectionTracking(context.getBean(ClientSessions.class),
				context.getBean("outboundWriters", Executor.class), context.getBean(DeliverySettings.class),
				context.getBean(DeliveryMetrics.class));
		FrameSession session = new FrameSession(context.getBean("clientInboundChannel", MessageChannel.class),
				tracking.decorate(stomp), context.getBean(JsonMapper.class));
		session.handler.afterConnectionEstablished(session.socket);
		StompHeaderAccessor connect = session.headers(StompCommand.CONNECT);
		connect.setAcceptVersion("1.2");
		connect.setNativeHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		connect.setUserChangeCallback((user) -> session.user = user);
		session.inbound.send(MessageBuilder.createMessage(new byte[0], connect.getMessageHeaders()));
		Message<byte[]> connected = session.next();
		assertThat(StompHeaderAccessor.wrap(connected).getCommand()).as("answer to CONNECT")
			.isEqualTo(StompCommand.CONNECTED);
		return session;
	}

	/**
	 * Subscribes and waits for the subscription's RECEIPT.
	 */
	public void subscribe(String destination) throws InterruptedException {
		StompHeaderAccessor subscribe = headers(StompCommand.SUBSCRIBE);
		String id = UUID.randomUUID().toString();
		subscribe.setSubscriptionId(id);
		subscribe.setDestination(destination);
		subscribe.setReceipt("sub-" + id);
		this.inbound.send(MessageBuilder.createMessage(new byte[0], subscribe.getMessageHeaders()));
		assertThat(nextReceipt()).isEqualTo("sub-" + id);
	}

	/**
	 * Puts a SEND with a JSON body into the inbound channel and returns once the channel
	 * has taken it, which is before any change it makes is stored.
	 * @param receipt the receipt header, or {@code null} for none
	 */
	public void send(String destination, Object body, @Nullable String receipt) {
		StompHeaderAccessor send = headers(StompCommand.SEND);
		send.setDestination(destination);
		send.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
		if (receipt != null) {
			send.setReceipt(receipt);
		}
		this.inbound.send(MessageBuilder.createMessage(this.json.writeValueAsBytes(body), send.getMessageHeaders()));
	}

	/**
	 * The next frame the server wrote to this session.
	 */
	public Message<byte[]> next() throws InterruptedException {
		Message<byte[]> frame = this.socket.frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(frame).as("a frame within " + TIMEOUT).isNotNull();
		return frame;
	}

	/**
	 * The next frame, which must be a RECEIPT: its receipt id.
	 */
	public String nextReceipt() throws InterruptedException {
		StompHeaderAccessor frame = StompHeaderAccessor.wrap(next());
		assertThat(frame.getCommand()).as("a RECEIPT").isEqualTo(StompCommand.RECEIPT);
		return frame.getReceiptId();
	}

	/**
	 * The next frame, which must be a MESSAGE: its JSON body.
	 */
	public JsonNode nextMessage() throws InterruptedException {
		Message<byte[]> frame = next();
		assertThat(StompHeaderAccessor.wrap(frame).getCommand()).as("a MESSAGE").isEqualTo(StompCommand.MESSAGE);
		return this.json.readTree(frame.getPayload());
	}

	/**
	 * Ends the session as a closed socket would: Spring's STOMP handler sends the
	 * DISCONNECT that ends its subscriptions.
	 */
	@Override
	public void close() throws Exception {
		this.socket.open = false;
		this.handler.afterConnectionClosed(this.socket, CloseStatus.NORMAL);
	}

	private StompHeaderAccessor headers(StompCommand command) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(command);
		headers.setSessionId(this.socket.getId());
		headers.setSessionAttributes(this.attributes);
		headers.setUser(this.user);
		headers.setLeaveMutable(true);
		return headers;
	}

	/**
	 * Stands in for the container's WebSocket session: what the server sends is decoded
	 * into frames.
	 */
	private static final class CapturingSession implements WebSocketSession {

		private final String id = "frames-" + UUID.randomUUID();

		private final BlockingQueue<Message<byte[]>> frames = new LinkedBlockingQueue<>();

		private final StompDecoder decoder = new StompDecoder();

		private final Map<String, Object> attributes = new ConcurrentHashMap<>();

		private volatile boolean open = true;

		@Override
		public String getId() {
			return this.id;
		}

		@Override
		public URI getUri() {
			return URI.create("ws://127.0.0.1/ws");
		}

		@Override
		public HttpHeaders getHandshakeHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		@Override
		public @Nullable Principal getPrincipal() {
			return null;
		}

		@Override
		public InetSocketAddress getLocalAddress() {
			return new InetSocketAddress("127.0.0.1", 8080);
		}

		@Override
		public InetSocketAddress getRemoteAddress() {
			return new InetSocketAddress("127.0.0.1", 50000);
		}

		@Override
		public @Nullable String getAcceptedProtocol() {
			return null;
		}

		@Override
		public void setTextMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public int getTextMessageSizeLimit() {
			return 64 * 1024;
		}

		@Override
		public void setBinaryMessageSizeLimit(int messageSizeLimit) {
		}

		@Override
		public int getBinaryMessageSizeLimit() {
			return 64 * 1024;
		}

		@Override
		public List<WebSocketExtension> getExtensions() {
			return List.of();
		}

		@Override
		public synchronized void sendMessage(WebSocketMessage<?> message) {
			if (message instanceof TextMessage text) {
				ByteBuffer bytes = ByteBuffer.wrap(text.getPayload().getBytes(StandardCharsets.UTF_8));
				this.frames.addAll(this.decoder.decode(bytes));
			}
		}

		@Override
		public boolean isOpen() {
			return this.open;
		}

		@Override
		public void close() {
			this.open = false;
		}

		@Override
		public void close(CloseStatus status) {
			this.open = false;
		}

	}

}
