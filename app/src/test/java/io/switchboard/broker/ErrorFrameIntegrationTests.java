package io.switchboard.broker;

import java.time.Instant;

import io.switchboard.test.RawWebSocket;
import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ERROR frames that end a session, read as raw bytes: their {@code message} header
 * holds nothing STOMP escapes, so that clients which do not unescape the headers of
 * frames before CONNECTED (stompjs) show it as sent, and the detail comes in the body
 * (PROTOCOL.md section 5).
 */
@ServerTest
class ErrorFrameIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void connectWithoutATokenIsRefusedWithAnUnescapedUnauthorizedHeader() throws Exception {
		try (RawWebSocket socket = RawWebSocket.open(this.clients.port())) {
			socket.send("CONNECT\naccept-version:1.2\nhost:localhost\n\n\0");
			RawWebSocket.Frame error = plain(socket.readUntilClosed());
			assertThat(error.header("message")).isEqualTo("unauthorized");
			assertThat(error.body()).isEqualTo("CONNECT needs an Authorization: Bearer header");
		}
	}

	@Test
	void connectWithAForgedTokenIsRefusedWithAnUnescapedUnauthorizedHeader() throws Exception {
		try (RawWebSocket socket = RawWebSocket.open(this.clients.port())) {
			socket.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer not.a.jwt\n\n\0");
			RawWebSocket.Frame error = plain(socket.readUntilClosed());
			assertThat(error.header("message")).isEqualTo("unauthorized");
			assertThat(error.body()).isNotBlank();
		}
	}

	@Test
	void expiringTokenEndsTheSessionWithUnauthorizedTokenExpired() throws Exception {
		TestUser alice = this.clients.newUser();
		String shortLived = this.clients.tokens().encode(alice.user(), Instant.now(), Instant.now().plusSeconds(2));
		try (RawWebSocket socket = RawWebSocket.open(this.clients.port())) {
			socket.send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nAuthorization:Bearer "
					+ shortLived + "\n\n\0");
			String received = socket.readUntilClosed();
			assertThat(received).startsWith("CONNECTED\n");
			RawWebSocket.Frame error = plain(received);
			assertThat(error.header("message")).isEqualTo("unauthorized - token expired");
			assertThat(error.body()).contains("expired");
		}
	}

	@Test
	void garbageEndsTheSessionWithAnUnescapedProtocolErrorHeader() throws Exception {
		TestUser alice = this.clients.newUser();
		try (RawWebSocket socket = RawWebSocket.open(this.clients.port())) {
			socket.send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nAuthorization:Bearer "
					+ alice.token() + "\n\n\0");
			socket.send("NONSENSE\nfoo:bar\n\n\0");
			RawWebSocket.Frame error = plain(socket.readUntilClosed());
			assertThat(error.header("message")).isEqualTo("protocol error");
			assertThat(error.header("content-type")).isEqualTo("text/plain;charset=UTF-8");
			assertThat(error.body()).isNotBlank();
		}
	}

	/**
	 * The ERROR frame in what was received, checked for STOMP escapes in its headers.
	 */
	static RawWebSocket.Frame plain(String received) {
		RawWebSocket.Frame error = RawWebSocket.errorFrame(received);
		assertThat(error.headers().values()).as("headers of the ERROR frame in %s", received)
			.noneMatch((value) -> value.contains("\\"));
		return error;
	}

}
