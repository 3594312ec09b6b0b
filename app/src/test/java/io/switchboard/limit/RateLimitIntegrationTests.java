package io.switchboard.limit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default limits, with the client address taken from {@code X-Forwarded-For} as a
 * deployment behind a proxy sets it, so that each test comes from an address of its own.
 * Over a limit a client is told {@code rate_limited} and when to retry; nothing is
 * stored, its session stays open, and other users carry on.
 */
@ServerTest(properties = { "switchboard.limits.enabled=true", "server.forward-headers-strategy=native" })
class RateLimitIntegrationTests {

	private static final AtomicInteger addresses = new AtomicInteger();

	@Autowired
	TestClients clients;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aFloodOfSendsIsRefusedBeyondTheBurstWhileTheSessionStaysOpenAndOthersCarryOn() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		long seqBefore = this.clients.lastSeq(alice, channelId);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox errors = aliceClient.subscribe("/user/queue/errors");
			for (int i = 0; i < 40; i++) {
				aliceClient.send(send(channelId), Map.of("content", "flood " + i, "clientMessageId", "flood-" + i));
			}
			for (int i = 0; i < 5; i++) {
				bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "bob " + i));
			}
			List<JsonNode> refusals = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				while (!errors.isEmpty()) {
					refusals.add(errors.next());
				}
				return this.clients.lastSeq(alice, channelId) - seqBefore - 5 + refusals.size() == 40;
			});
			assertThat(refusals).hasSizeGreaterThanOrEqualTo(5).allSatisfy((refusal) -> {
				assertThat(refusal.get("code").asString()).isEqualTo("rate_limited");
				assertThat(refusal.get("retryAfterMs").asLong()).isPositive();
				assertThat(refusal.get("clientMessageId").asString()).startsWith("flood-");
			});
			assertThat(this.clients.lastSeq(alice, channelId) - seqBefore - 5).isGreaterThanOrEqualTo(30);
			await().atMost(Duration.ofSeconds(5))
				.ignoreExceptions()
				.until(() -> aliceClient
					.sendWithReceipt(send(channelId), Map.of("content", "later"), StompClient.nextReceiptId())
					.get(500, TimeUnit.MILLISECONDS) != null);
		}
	}

	@Test
	void typingHasALimitOfItsOwnThatLeavesMessagesAlone() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient aliceClient = this.clients.connect(alice)) {
			Inbox errors = aliceClient.subscribe("/user/queue/errors");
			for (int i = 0; i < 12; i++) {
				aliceClient.send("/app/channel." + channelId + ".typing", Map.of());
			}
			assertThat(errors.next().get("destination").asString()).endsWith(".typing");
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "still sending"));
		}
	}

	@Test
	void restWritesBeyondTheLimitAre429WithRetryAfterAndStoreNothing() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long seqBefore = this.clients.lastSeq(alice, channelId);
		List<CompletableFuture<HttpResponse<String>>> posts = IntStream.range(0, 40)
			.mapToObj((i) -> this.http.sendAsync(HttpRequest
				.newBuilder(URI
					.create("http://127.0.0.1:" + this.clients.port() + "/api/channels/" + channelId + "/messages"))
				.header("Authorization", "Bearer " + alice.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"rest " + i + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()))
			.toList();
		List<HttpResponse<String>> responses = posts.stream().map(CompletableFuture::join).toList();
		List<HttpResponse<String>> limited = responses.stream()
			.filter((response) -> response.statusCode() == 429)
			.toList();
		long created = responses.stream().filter((response) -> response.statusCode() == 201).count();
		assertThat(created + limited.size()).isEqualTo(40);
		assertThat(limited).isNotEmpty().allSatisfy((response) -> {
			assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = this.clients.json().readTree(response.body());
			assertThat(problem.get("code").asString()).isEqualTo("rate_limited");
			assertThat(problem.get("retryAfterMs").asLong()).isPositive();
		});
		assertThat(this.clients.lastSeq(alice, channelId) - seqBefore).isEqualTo(created);
	}

	@Test
	void guessingOnePasswordIsRefusedAfterFiveFailuresEvenWithTheRightOne() throws Exception {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		String address = nextAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(token(address, alice.username(), "wrong " + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> locked = token(nextAddress(), alice.username(), TestClients.PASSWORD);
		assertThat(locked.statusCode()).as("from any address").isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(this.clients.json().readTree(locked.body()).get("code").asString()).isEqualTo("rate_limited");
		assertThat(token(address, bob.username(), TestClients.PASSWORD).statusCode()).isEqualTo(200);
		for (int i = 0; i < 10; i++) {
			assertThat(token(address, bob.username(), TestClients.PASSWORD).statusCode())
				.as("successes use up no failures")
				.isEqualTo(200);
		}
	}

	@Test
	void oneAddressGetsThirtyTokenRequestsAMinute() throws Exception {
		TestUser alice = this.clients.newUser();
		String address = nextAddress();
		List<Integer> statuses = new ArrayList<>();
		// A password check takes a while, and the bucket refills one request every 2 s
		// meanwhile: a few more than 30 get through.
		for (int i = 0; i < 36; i++) {
			statuses.add(token(address, alice.username(), TestClients.PASSWORD).statusCode());
		}
		assertThat(statuses.subList(0, 30)).containsOnly(200);
		assertThat(statuses.subList(30, 36)).contains(429);
		assertThat(token(nextAddress(), alice.username(), TestClients.PASSWORD).statusCode()).as("another address")
			.isEqualTo(200);
	}

	@Test
	void oneAddressOpensThirtyConnectionsASecond() {
		TestUser alice = this.clients.newUser();
		String address = nextAddress();
		List<CompletableFuture<WebSocket>> opening = IntStream.range(0, 60)
			.mapToObj((i) -> this.http.newWebSocketBuilder()
				.header("X-Forwarded-For", address)
				.buildAsync(URI.create("ws://127.0.0.1:" + this.clients.port() + "/ws"), new WebSocket.Listener() {
				}))
			.toList();
		int opened = 0;
		List<Integer> refused = new ArrayList<>();
		for (CompletableFuture<WebSocket> socket : opening) {
			try {
				socket.join().abort();
				opened++;
			}
			catch (CompletionException ex) {
				assertThat(ex.getCause()).isInstanceOf(WebSocketHandshakeException.class);
				refused.add(((WebSocketHandshakeException) ex.getCause()).getResponse().statusCode());
			}
		}
		assertThat(opened).isGreaterThanOrEqualTo(30);
		assertThat(refused).isNotEmpty().containsOnly(429);
		try (StompClient fromElsewhere = this.clients.connect(alice)) {
			assertThat(fromElsewhere.isConnected()).isTrue();
		}
	}

	private HttpResponse<String> token(String address, String username, String password) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.clients.port() + "/api/auth/token"))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", address)
				.POST(HttpRequest.BodyPublishers.ofString(
						this.clients.json().writeValueAsString(Map.of("username", username, "password", password))))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * An address of its own for each test, as a proxy would name distinct clients.
	 */
	private static String nextAddress() {
		return "198.51.100." + addresses.incrementAndGet();
	}

	private static String send(long channelId) {
		return "/app/channel." + channelId + ".send";
	}

}
