package io.switchboard.test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.switchboard.security.TokenIssuer;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import io.switchboard.user.UserDirectory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.springframework.web.socket.sockjs.client.RestTemplateXhrTransport;
import org.springframework.web.socket.sockjs.client.SockJsClient;

/**
 * Makes users and clients for tests against the running server: real STOMP clients over
 * real sockets, and REST clients, each with a user's token.
 */
public class TestClients {

	public static final String PASSWORD = "secret";

	/** Cost 4: test users are many, and the hash's own cost is what a check uses. */
	private static final String PASSWORD_HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

	private static final AtomicInteger sequence = new AtomicInteger();

	private final UserDirectory users;

	private final TokenIssuer tokens;

	private final JsonMapper json;

	private final Environment environment;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	TestClients(UserDirectory users, TokenIssuer tokens, JsonMapper json, Environment environment) {
		this.users = users;
		this.tokens = tokens;
		this.json = json;
		this.environment = environment;
		this.scheduler.setPoolSize(2);
		this.scheduler.setThreadNamePrefix("test-stomp-");
		this.scheduler.initialize();
	}

	public TestUser newUser(Role... roles) {
		String username = "u" + Integer.toString(sequence.incrementAndGet(), 36)
				+ Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
		CurrentUser user = this.users.createLocal(username, "User " + username, PASSWORD_HASH, Set.of(roles));
		return new TestUser(user, this.tokens.issue(user).accessToken());
	}

	public int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

	public JsonMapper json() {
		return this.json;
	}

	public TokenIssuer tokens() {
		return this.tokens;
	}

	/**
	 * A STOMP client connected over the native WebSocket endpoint {@code /ws}.
	 */
	public StompClient connect(TestUser user) {
		return connect(webSocketClient(), "ws://localhost:" + port() + "/ws", user);
	}

	/**
	 * A STOMP client connected through SockJS at {@code /sockjs}, over its HTTP streaming
	 * fallback rather than WebSocket.
	 */
	public StompClient connectSockJs(TestUser user) {
		SockJsClient sockJs = new SockJsClient(List.of(new RestTemplateXhrTransport()));
		WebSocketStompClient client = new WebSocketStompClient(sockJs);
		configure(client);
		return connect(client, "http://localhost:" + port() + "/sockjs", user);
	}

	/**
	 * A raw CONNECT with the given {@code Authorization} header (or none), for tests of
	 * authentication itself.
	 */
	public CompletableFuture<StompSession> connectAsync(String authorization, StompSessionHandler handler) {
		StompHeaders connect = new StompHeaders();
		if (authorization != null) {
			connect.add(HttpHeaders.AUTHORIZATION, authorization);
		}
		return webSocketClient().connectAsync("ws://localhost:" + port() + "/ws", new WebSocketHttpHeaders(), connect,
				handler);
	}

	public RestClient rest(TestUser user) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + user.token())
			.build();
	}

	public RestClient anonymousRest() {
		return RestClient.builder().baseUrl("http://localhost:" + port()).build();
	}

	private StompClient connect(WebSocketStompClient client, String url, TestUser user) {
		StompHeaders connect = new StompHeaders();
		connect.add(HttpHeaders.AUTHORIZATION, "Bearer " + user.token());
		StompSession session = StompClient
			.await(client.connectAsync(url, new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() {
			}));
		return new StompClient(session, this.json);
	}

	private WebSocketStompClient webSocketClient() {
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
		configure(client);
		return client;
	}

	private void configure(WebSocketStompClient client) {
		client.setMessageConverter(new ByteArrayMessageConverter());
		client.setTaskScheduler(this.scheduler);
		client.setDefaultHeartbeat(new long[] { 10_000, 10_000 });
	}

}
