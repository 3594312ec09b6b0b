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
import org.springframework.messaging.simp.stomp.StompSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session lives no longer than its token: when it expires the server sends an ERROR
 * frame and closes the connection within a second, also for a client that only listens
 * (PROTOCOL.md section 5).
 */
@ServerTest
class TokenExpiryIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void listeningSessionIsClosedWithinASecondOfItsTokenExpiring() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		Instant expiresAt = Instant.now().plusSeconds(2);
		String shortLived = this.clients.tokens().encode(alice.user(), Instant.now(), expiresAt);
		ErrorFrameCatcher error = new ErrorFrameCatcher();
		StompSession session = StompClient.await(this.clients.connectAsync("Bearer " + shortLived, error));
		session.subscribe("/topic/channel." + channelId, error);
		assertThat(error.message()).isEqualTo("unauthorized - token expired");
		Instant closedBy = Instant.now();
		await().atMost(Duration.ofSeconds(5)).until(() -> !session.isConnected());
		assertThat(Duration.between(expiresAt, closedBy)).isLessThan(Duration.ofSeconds(1));
	}

}
