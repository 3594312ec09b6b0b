package io.switchboard.test;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import io.switchboard.security.TokenIssuer;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.Workspace;
import io.switchboard.user.Workspaces;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
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

	private final ObjectProvider<TokenIssuer> tokens;

	private final JsonMapper json;

	private final Environment environment;

	private final Workspaces workspaces;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	public TestClients(UserDirectory users, ObjectProvider<TokenIssuer> tokens, JsonMapper json,
			Environment environment, Workspaces workspaces) {
		this.workspaces = workspaces;
		this.users = users;
		this.tokens = tokens;
		this.json = json;
		this.environment = environment;
		this.scheduler.setPoolSize(2);
		this.scheduler.setThreadNamePrefix("test-stomp-");
		this.scheduler.initialize();
	}

	public TestUser newUser(Role... roles) {
		return newUserIn(Workspace.DEFAULT, roles);
	}

	/**
	 * A user of the named workspace, which is created if it does not exist yet.
	 */
	public TestUser newUserIn(String workspace, Role... roles) {
		String username = "u" + Integer.toString(sequence.incrementAndGet(), 36)
				+ Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
		CurrentUser user = this.users.createLocal(this.workspaces.namedOrCreated(workspace).id(), username,
				"User " + username, PASSWORD_HASH, Set.of(roles));
		return new TestUser(user, tokens().issue(user).accessToken());
	}

	public int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

	public JsonMapper json() {
		return this.json;
	}

	/**
	 * The issuer of built-in tokens; absent when an external issuer is configured.
	 */
	public TokenIssuer tokens() {
		return this.tokens.getObject();
	}

	/**
	 * A STOMP client connected over {@code /ws} with the given bearer token.
	 */
	public StompClient connect(String token) {
		return connect(webSocketClient(), "ws://localhost:" + port() + "/ws", token);
	}

	/**
	 * A STOMP client connected over the native WebSocket endpoint {@code /ws}.
	 */
	public StompClient connect(TestUser user) {
		return connect(user.token());
	}

	/**
	 * A STOMP client whose CONNECT carries extra headers, such as a client's attempt at
	 * broker features the contract does not offer.
	 */
	public StompClient connect(TestUser user, Map<String, String> connectHeaders) {
		StompHeaders connect = new StompHeaders();
		connect.add(HttpHeaders.AUTHORIZATION, "Bearer " + user.token());
		connectHeaders.forEach(connect::add);
		StompSession session = StompClient.await(webSocketClient().connectAsync("ws://localhost:" + port() + "/ws",
				new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() {
				}));
		return new StompClient(session, this.json);
	}

	/**
	 * A STOMP client connected through SockJS at {@code /sockjs}, over its HTTP streaming
	 * fallback rather than WebSocket.
	 */
	public StompClient connectSockJs(TestUser user) {
		// Keeps cookies as a browser does: the server binds the session to its opener by
		// one.
		RestTemplate cookies = new RestTemplate(
				new JdkClientHttpRequestFactory(HttpClient.newBuilder().cookieHandler(new CookieManager()).build()));
		SockJsClient sockJs = new SockJsClient(List.of(new RestTemplateXhrTransport(cookies)));
		WebSocketStompClient client = new WebSocketStompClient(sockJs);
		configure(client);
		return connect(client, "http://localhost:" + port() + "/sockjs", user.token());
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
		return rest(user.token());
	}

	public RestClient rest(String token) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port())
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.build();
	}

	public RestClient anonymousRest() {
		return RestClient.builder().baseUrl("http://localhost:" + port()).build();
	}

	/**
	 * Creates a channel owned by {@code owner} and adds the members; returns its id.
	 */
	public long createChannel(TestUser owner, String type, TestUser... members) {
		JsonNode channel = rest(owner).post()
			.uri("/api/channels")
			.body(Map.of("name", "c-" + sequence.incrementAndGet(), "type", type))
			.retrieve()
			.body(JsonNode.class);
		long channelId = channel.get("id").asLong();
		for (TestUser member : members) {
			rest(owner).post()
				.uri("/api/channels/{id}/members", channelId)
				.body(Map.of("userId", member.id()))
				.retrieve()
				.toBodilessEntity();
		}
		return channelId;
	}

	/**
	 * Opens (or finds) the direct channel of {@code from} and one other, or the group
	 * channel of {@code from} and several; returns its id.
	 */
	public long direct(TestUser from, TestUser... others) {
		return rest(from).post()
			.uri("/api/direct")
			.body(Map.of("userIds", Arrays.stream(others).map(TestUser::id).toList()))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
	}

	/**
	 * {@code POST /api/auth/token} with a built-in account's user name and password,
	 * ready to send: {@code status(signIn(...))} for the answer's status.
	 */
	public RestClient.RequestHeadersSpec<?> signIn(String username, String password) {
		return anonymousRest().post().uri("/api/auth/token").body(Map.of("username", username, "password", password));
	}

	/** A token from signing in with a built-in account's user name and password. */
	public String token(String username, String password) {
		return signIn(username, password).retrieve().body(JsonNode.class).get("accessToken").asString();
	}

	/**
	 * Posts a message over REST, as {@code user}; returns its id.
	 */
	public long post(TestUser user, long channelId, String content) {
		return rest(user).post()
			.uri("/api/channels/{id}/messages", channelId)
			.body(Map.of("content", content))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
	}

	/**
	 * {@code GET /api/channels/{id}/messages} with the given query, e.g.
	 * {@code sinceSeq=0}.
	 */
	public JsonNode messages(TestUser reader, long channelId, String query) {
		return rest(reader).get()
			.uri("/api/channels/" + channelId + "/messages?" + query)
			.retrieve()
			.body(JsonNode.class);
	}

	/**
	 * The status a request is answered with, whatever it is.
	 */
	public static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((sent, response) -> response.getStatusCode().value());
	}

	/**
	 * {@code POST /api/channels/{id}/attachments} with one file in the multipart field
	 * {@code file}, as a browser's form sends it.
	 */
	public RestClient.RequestHeadersSpec<?> upload(TestUser user, long channelId, String filename,
			MediaType contentType, byte[] content) {
		return upload(user.token(), channelId, filename, contentType, content);
	}

	public RestClient.RequestHeadersSpec<?> upload(String token, long channelId, String filename, MediaType contentType,
			byte[] content) {
		HttpHeaders part = new HttpHeaders();
		part.setContentType(contentType);
		part.setContentDisposition(ContentDisposition.formData().name("file").filename(filename).build());
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new HttpEntity<>(content, part));
		return rest(token).post()
			.uri("/api/channels/{id}/attachments", channelId)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body);
	}

	/**
	 * Uploads a file and returns the attachment, {@code {id, name, contentType, size}}.
	 */
	public JsonNode uploaded(TestUser user, long channelId, String filename, MediaType contentType, byte[] content) {
		return upload(user, channelId, filename, contentType, content).retrieve().body(JsonNode.class);
	}

	/**
	 * {@code GET} a JSON resource as the user.
	 */
	public JsonNode get(TestUser reader, String path) {
		return rest(reader).get().uri(path).retrieve().body(JsonNode.class);
	}

	public long lastSeq(TestUser reader, long channelId) {
		return messages(reader, channelId, "limit=1").get("seq").asLong();
	}

	private StompClient connect(WebSocketStompClient client, String url, String token) {
		StompHeaders connect = new StompHeaders();
		connect.add(HttpHeaders.AUTHORIZATION, "Bearer " + token);
		StompSession session = StompClient
			.await(client.connectAsync(url, new WebSocketHttpHeaders(), connect, new StompSessionHandlerAdapter() {
			}));
		return new StompClient(session, this.json);
	}

	private WebSocketStompClient webSocketClient() {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		// A 4,000-character message is up to 16 KB of UTF-8; the container's default
		// buffer is 8 KB.
		container.setDefaultMaxTextMessageBufferSize(256 * 1024);
		WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient(container));
		configure(client);
		return client;
	}

	private void configure(WebSocketStompClient client) {
		// Raw bytes whatever the content type: tests parse JSON themselves, and send
		// malformed JSON on purpose.
		ByteArrayMessageConverter bytes = new ByteArrayMessageConverter();
		bytes.setContentTypeResolver(null);
		client.setMessageConverter(bytes);
		client.setTaskScheduler(this.scheduler);
		client.setDefaultHeartbeat(new long[] { 10_000, 10_000 });
	}

}
