package io.switchboard.system;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.switchboard.test.Inbox;
import io.switchboard.test.RawWebSocket;
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

/**
 * Refused frames and requests never write a stack trace, and a flood of them writes a few
 * lines a minute: the log stays readable whatever clients send.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingIntegrationTests {

	private static final int FLOOD = 30;

	@Autowired
	TestClients clients;

	@Test
	void aFloodOfGarbageFramesLogsAFewLinesWithoutStackTraces(CapturedOutput output) throws IOException {
		TestUser mallory = this.clients.newUser();
		for (int i = 0; i < FLOOD; i++) {
			try (RawWebSocket socket = RawWebSocket.open(this.clients.port())) {
				socket.send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nAuthorization:Bearer "
						+ mallory.token() + "\n\n\0");
				socket.send("NONSENSE\nfoo:bar\n\n\0");
				assertThat(RawWebSocket.errorFrame(socket.readUntilClosed()).header("message"))
					.isEqualTo("protocol error");
			}
		}
		assertThat(linesContaining(output, "protocol error")).isLessThanOrEqualTo(RefusalLog.LINES_PER_MINUTE);
		assertNoStackTrace(output);
	}

	@Test
	void aFloodOfRefusedConnectsLogsAFewLinesWithoutStackTraces(CapturedOutput output) throws IOException {
		for (int i = 0; i < FLOOD; i++) {
			try (RawWebSocket socket = RawWebSocket.open(this.clients.port())) {
				socket.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer forged\n\n\0");
				assertThat(RawWebSocket.errorFrame(socket.readUntilClosed()).header("message"))
					.isEqualTo("unauthorized");
			}
		}
		assertThat(linesContaining(output, "Closing STOMP session")).isLessThanOrEqualTo(RefusalLog.LINES_PER_MINUTE);
		assertNoStackTrace(output);
	}

	@Test
	void badPayloadsAndBadRequestsWriteNoStackTrace(CapturedOutput output) throws Exception {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			for (int i = 0; i < FLOOD; i++) {
				client.send("/app/channel." + channelId + ".send",
						(i % 2 == 0) ? "{\"content\":" : "{\"content\":\"\0\"}");
			}
			assertThat(errors.next(FLOOD)).allMatch((error) -> error.get("code").asString().equals("bad_request"));
		}
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < FLOOD; i++) {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.clients.port() + "/api/channels;jsessionid=" + i))
				.header("Authorization", "Bearer " + alice.token())
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(400);
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.clients.port()), 5_000);
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(100_000)
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
				.startsWith("HTTP/1.1 400");
		}
		// Two places refuse them: the firewall and Tomcat.
		assertThat(linesContaining(output, "Refused a request")).isLessThanOrEqualTo(2L * RefusalLog.LINES_PER_MINUTE);
		assertNoStackTrace(output);
		// The internal paths' lines: no client's mistake reaches them.
		assertThat(output.getOut()).doesNotContain("Unexpected failure");
	}

	private static long linesContaining(CapturedOutput output, String text) {
		return output.getOut().lines().filter((line) -> line.contains(text)).count();
	}

	private static void assertNoStackTrace(CapturedOutput output) {
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith("\tat "));
	}

}
