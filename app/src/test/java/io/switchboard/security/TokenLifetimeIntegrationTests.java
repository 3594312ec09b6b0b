package io.switchboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.switchboard.test.ErrorFrameCatcher;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static io.switchboard.test.TestClients.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A built-in token that never expires, or that lives longer than
 * {@code switchboard.security.max-token-lifetime} (24 h by default), is refused:
 * {@code 401} over REST, an ERROR frame for its CONNECT.
 * {@link ExternalIssuerIntegrationTests} proves the same for an external issuer's tokens.
 */
@ServerTest
class TokenLifetimeIntegrationTests {

	@Autowired
	TestClients clients;

	@Autowired
	JwtEncoder encoder;

	@Test
	void tokenWithoutExpiryIsRefusedOverRestAndStomp() {
		TestUser alice = this.clients.newUser();
		assertRefused(token(alice, Instant.now(), null));
	}

	@Test
	void tokenLivingLongerThanTheMaximumIsRefused() {
		TestUser alice = this.clients.newUser();
		Instant now = Instant.now();
		assertRefused(token(alice, now, now.plus(Duration.ofHours(24)).plusSeconds(1)));
		assertAccepted(token(alice, now, now.plus(Duration.ofHours(24))));
	}

	@Test
	void tokenWithoutIssuedAtIsMeasuredFromNow() {
		TestUser alice = this.clients.newUser();
		Instant now = Instant.now();
		assertRefused(token(alice, null, now.plus(Duration.ofHours(25))));
		assertAccepted(token(alice, null, now.plus(Duration.ofHours(23))));
	}

	private void assertRefused(String token) {
		assertThat(status(this.clients.rest(token).get().uri("/api/me"))).isEqualTo(401);
		ErrorFrameCatcher error = new ErrorFrameCatcher();
		this.clients.connectAsync("Bearer " + token, error);
		assertThat(error.message()).isEqualTo("unauthorized");
		assertThat(error.detail()).containsAnyOf("no expiry", "lives longer");
	}

	private void assertAccepted(String token) {
		assertThat(status(this.clients.rest(token).get().uri("/api/me"))).isEqualTo(200);
		try (StompClient client = this.clients.connect(token)) {
			assertThat(client.isConnected()).isTrue();
		}
	}

	private String token(TestUser user, @Nullable Instant issuedAt, @Nullable Instant expiresAt) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer("switchboard")
			.subject(Long.toString(user.id()))
			.claim(TokenIssuer.VERSION_CLAIM, 0)
			.claim("roles", List.of());
		if (issuedAt != null) {
			claims.issuedAt(issuedAt);
		}
		if (expiresAt != null) {
			claims.expiresAt(expiresAt);
		}
		return this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
	}

}
