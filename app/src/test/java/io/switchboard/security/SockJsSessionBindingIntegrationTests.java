package io.switchboard.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A SockJS session answers only whoever opened it: a stranger who learned its id (it is
 * in every URL) can neither send frames as its user nor take it over, even from the same
 * address, and the session carries on.
 */
@ServerTest
class SockJsSessionBindingIntegrationTests {

	@Autowired
	TestClients clients;

	@Autowired
	SockJsSessionBinding bindings;

	TestUser alice;

	long channelId;

	String base;

	/** Alice's browser: it keeps the cookies the server sets. */
	final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	/** Someone else on the same machine, without them. */
	final HttpClient stranger = HttpClient.newHttpClient();

	@BeforeEach
	void aliceOpensASockJsSessionOverXhrPolling() throws Exception {
		this.alice = this.clients.newUser();
		this.channelId = this.clients.createChannel(this.alice, "private");
		this.base = "http://127.0.0.1:" + this.clients.port() + "/sockjs/017/"
				+ UUID.randomUUID().toString().replace("-", "");
		assertThat(poll(this.browser)).isEqualTo("o\n");
		send(this.browser, "CONNECT\naccept-version:1.2\nheart-beat:0,0\nAuthorization:Bearer " + this.alice.token()
				+ "\n\n\u0000");
		assertThat(poll(this.browser)).contains("CONNECTED");
	}

	@Test
	void aStrangerCannotSendFramesIntoTheSession() throws Exception {
		String forged = "SEND\ndestination:/app/channel." + this.channelId + ".send\ncontent-type:application/json\n\n"
				+ "{\"content\":\"forged\"}\u0000";
		assertThat(send(this.stranger, forged).statusCode()).isEqualTo(404);
		assertThat(this.stranger
			.send(request("/xhr_send", forged).header("Cookie", "SWITCHBOARD_SOCKJS=guess").build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(404);
		assertThat(send(this.browser,
				"SEND\ndestination:/app/channel." + this.channelId
						+ ".send\ncontent-type:application/json\nreceipt:mine\n\n{\"content\":\"mine\"}\u0000")
			.statusCode()).isEqualTo(204);
		await().until(() -> poll(this.browser).contains("receipt-id:mine"));
		assertThat(this.clients.messages(this.alice, this.channelId, "limit=10").get("messages"))
			.extracting((message) -> message.get("content").asString())
			.containsExactly("mine");
	}

	@Test
	void aStrangerCannotTakeOverASessionOnTheWebSocketTransport() throws Exception {
		URI url = URI.create(this.base.replace("http:", "ws:")
			.replaceAll("/[0-9a-f]+$", "/" + UUID.randomUUID().toString().replace("-", "")) + "/websocket");
		Frames alicesFrames = new Frames();
		WebSocket alicesSocket = this.browser.newWebSocketBuilder().buildAsync(url, alicesFrames).join();
		assertThat(alicesFrames.next()).isEqualTo("o");
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.stranger.newWebSocketBuilder().buildAsync(url, new Frames()).join())
			.withCauseInstanceOf(WebSocketHandshakeException.class)
			.satisfies((ex) -> assertThat(((WebSocketHandshakeException) ex.getCause()).getResponse().statusCode())
				.isEqualTo(404));
		alicesSocket.sendText(this.clients.json()
			.writeValueAsString(List.of(
					"CONNECT\naccept-version:1.2\nheart-beat:0,0\nAuthorization:Bearer " + this.alice.token()
							+ "\n\n\u0000",
					"SEND\ndestination:/app/channel." + this.channelId
							+ ".send\ncontent-type:application/json\nreceipt:ws\n\n{\"content\":\"still mine\"}\u0000")),
				true)
			.join();
		assertThat(alicesFrames.next()).contains("CONNECTED");
		String receipt = alicesFrames.next();
		assertThat(receipt).contains("receipt-id:ws");
		alicesSocket.abort();
	}

	/**
	 * The SockJS frames a WebSocket receives, each whole.
	 */
	static final class Frames implements WebSocket.Listener {

		private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.received.add(this.partial.toString());
				this.partial.setLength(0);
			}
			socket.request(1);
			return null;
		}

		String next() throws InterruptedException {
			String frame = this.received.poll(10, TimeUnit.SECONDS);
			assertThat(frame).as("a frame within 10 s").isNotNull();
			return frame;
		}

	}

	@Test
	void theBindingGoesWithTheSession() throws Exception {
		String sessionId = this.base.substring(this.base.lastIndexOf('/') + 1);
		assertThat(this.bindings.binds(sessionId)).isTrue();
		send(this.browser, "DISCONNECT\nreceipt:bye\n\n\u0000");
		await().until(() -> !this.bindings.binds(sessionId));
	}

	@Test
	void aJavaSockJsClientThatKeepsCookiesSendsAsABrowserDoes() {
		try (StompClient sockJs = this.clients.connectSockJs(this.alice)) {
			sockJs.sendAndAwaitReceipt("/app/channel." + this.channelId + ".send", Map.of("content", "over xhr"));
		}
		JsonNode messages = this.clients.messages(this.alice, this.channelId, "limit=10").get("messages");
		assertThat(messages).extracting((message) -> message.get("content").asString()).containsExactly("over xhr");
	}

	private String poll(HttpClient client) throws Exception {
		HttpResponse<String> response = client.send(request("/xhr", null).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private HttpResponse<String> send(HttpClient client, String frame) throws Exception {
		return client.send(request("/xhr_send", frame).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String transport, String frame) {
		String body = (frame != null) ? this.clients.json().writeValueAsString(List.of(frame)) : "";
		return HttpRequest.newBuilder(URI.create(this.base + transport))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

}
