package io.switchboard.broker;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Garbage and oversized frames close only the connection that sent them (PROTOCOL.md
 * section 5); everybody else carries on.
 */
@ServerTest
class ProtocolViolationIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void garbageBytesCloseOnlyTheSendersConnection() throws Exception {
		assertOnlyOffenderIsClosed("NONSENSE\nfoo:bar\n\n\0");
	}

	@Test
	void frameOverTheSizeLimitClosesOnlyTheSendersConnection() throws Exception {
		String body = "{\"content\":\"" + "x".repeat(100_000) + "\"}";
		assertOnlyOffenderIsClosed(
				"SEND\ndestination:/app/channel.1.send\ncontent-type:application/json\n\n" + body + "\0");
	}

	private void assertOnlyOffenderIsClosed(String badFrame) throws Exception {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient bystander = this.clients.connect(alice)) {
			Inbox channel = bystander.subscribe("/topic/channel." + channelId);
			RawConnection offender = RawConnection.open(this.clients.port(), bob.token());
			offender.send(badFrame);
			assertThat(StompClient.await(offender.error)).startsWith("ERROR").contains("message:protocol error");
			assertThat(StompClient.await(offender.closed).getCode()).isEqualTo(CloseStatus.PROTOCOL_ERROR.getCode());
			bystander.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "still here"));
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("still here");
		}
	}

	/**
	 * A WebSocket that speaks STOMP as raw text, so it can say what no STOMP client
	 * would.
	 */
	private static final class RawConnection extends TextWebSocketHandler {

		final CompletableFuture<String> connected = new CompletableFuture<>();

		final CompletableFuture<String> error = new CompletableFuture<>();

		final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

		private WebSocketSession session;

		static RawConnection open(int port, String token) throws Exception {
			RawConnection connection = new RawConnection();
			connection.session = StompClient
				.await(new StandardWebSocketClient().execute(connection, "ws://localhost:" + port + "/ws"));
			connection.send("CONNECT\naccept-version:1.2\nhost:localhost\nAuthorization:Bearer " + token + "\n\n\0");
			StompClient.await(connection.connected);
			return connection;
		}

		void send(String frame) throws Exception {
			this.session.sendMessage(new TextMessage(frame));
		}

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			String frame = message.getPayload();
			if (frame.startsWith("CONNECTED")) {
				this.connected.complete(frame);
			}
			else if (frame.startsWith("ERROR")) {
				this.error.complete(frame);
			}
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			this.closed.complete(status);
		}

	}

}
