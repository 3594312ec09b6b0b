package io.switchboard.broker;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SockJS sessions that end, however they end, leave no stack trace and no warning in the
 * log: a client that disconnects, and one that opens a streaming session and never sends
 * CONNECT, which the server closes.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class SockJsCloseLoggingIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void sockJsSessionsThatEndWriteNoStackTraceOrWarning(CapturedOutput output) throws Exception {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient sockJs = this.clients.connectSockJs(alice)) {
			sockJs.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "then bye"));
		}
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		URI streaming = URI.create("http://127.0.0.1:" + this.clients.port() + "/sockjs/001/"
				+ UUID.randomUUID().toString().replace("-", "") + "/xhr_streaming");
		HttpResponse<InputStream> silent = browser.send(
				HttpRequest.newBuilder(streaming).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(silent.statusCode()).isEqualTo(200);
		// The server closes a session that sends no CONNECT (3 s in tests): the stream
		// ends.
		try (InputStream stream = silent.body()) {
			assertThat(new String(stream.readAllBytes())).contains("protocol error");
		}
		// The line that says the server closed it is the barrier: what the close logs, it
		// has logged by then.
		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("no CONNECT within"));
		assertThat(output).doesNotContain("\tat ").doesNotContain(" WARN ").doesNotContain(" ERROR ");
	}

}
