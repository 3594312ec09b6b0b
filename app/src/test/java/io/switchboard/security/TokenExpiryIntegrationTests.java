package io.switchboard.security;

import java.time.Duration;
import java.time.Instant;

import io.switchboard.test.ErrorFrameCatcher;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session lives no longer than its token: the first frame after expiry is answered with
 * an ERROR and the connection closes (PROTOCOL.md section 5).
 */
@ServerTest
class TokenExpiryIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void firstFrameAfterTheTokenExpiredClosesTheSession() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		Instant expiresAt = Instant.now().plusSeconds(3);
		String shortLived = this.clients.tokens().encode(alice.user(), Instant.now(), expiresAt);
		ErrorFrameCatcher error = new ErrorFrameCatcher();
		StompSession session = StompClient.await(this.clients.connectAsync("Bearer " + shortLived, error));
		await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt));
		StompHeaders send = new StompHeaders();
		send.setDestination("/app/channel." + channelId + ".send");
		session.send(send, "{\"content\":\"too late\"}".getBytes());
		assertThat(error.message()).isEqualTo("unauthorized: token expired");
		await().atMost(Duration.ofSeconds(10)).until(() -> !session.isConnected());
		assertThat(this.clients.messages(alice, channelId, "sinceSeq=0").get("messages")).isEmpty();
	}

}
