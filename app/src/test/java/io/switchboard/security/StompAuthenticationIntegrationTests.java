package io.switchboard.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;

import io.switchboard.test.ErrorFrameCatcher;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.stomp.StompSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CONNECT is the only way in: PROTOCOL.md section 1.
 */
@ServerTest
class StompAuthenticationIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void connectWithValidTokenSucceeds() {
		TestUser alice = this.clients.newUser();
		try (StompClient client = this.clients.connect(alice)) {
			assertThat(client.isConnected()).isTrue();
		}
	}

	@Test
	void connectWithoutTokenIsRefusedWithUnauthorizedError() {
		assertRefused(null);
	}

	@Test
	void connectWithForgedTokenIsRefusedWithUnauthorizedError() {
		TestUser alice = this.clients.newUser();
		String token = alice.token();
		// Same claims, signature of another key: change a character of the signature
		// (the one before the last, whose bits all count).
		char replaced = token.charAt(token.length() - 2);
		String forged = token.substring(0, token.length() - 2) + ((replaced == 'A') ? 'B' : 'A')
				+ token.charAt(token.length() - 1);
		assertRefused("Bearer " + forged);
	}

	@Test
	void connectWithExpiredTokenIsRefusedWithUnauthorizedError() {
		TestUser alice = this.clients.newUser();
		Instant now = Instant.now();
		String expired = this.clients.tokens()
			.encode(alice.user(), now.minus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS));
		assertRefused("Bearer " + expired);
	}

	@Test
	void connectWithTokenOfUnknownUserIsRefused() {
		TestUser alice = this.clients.newUser();
		// Tokens name their user by id; no user has this one.
		var ghost = new io.switchboard.user.CurrentUser(alice.id() + 1_000_000_000L, alice.username(), "Ghost",
				alice.user().roles(), alice.user().workspaceId());
		Instant now = Instant.now();
		assertRefused("Bearer " + this.clients.tokens().encode(ghost, now, now.plusSeconds(60)));
	}

	private void assertRefused(String authorization) {
		ErrorFrameCatcher error = new ErrorFrameCatcher();
		CompletableFuture<StompSession> connected = this.clients.connectAsync(authorization, error);
		assertThat(error.message()).startsWith("unauthorized");
		assertThatThrownBy(() -> StompClient.await(connected)).isInstanceOf(AssertionError.class);
	}

}
