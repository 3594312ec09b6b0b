package io.switchboard.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static io.switchboard.test.TestClients.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /api/auth/token/renew} (PROTOCOL.md section 1): the bearer of a valid
 * built-in token gets a new one, until {@code session-max-age} (7 days by default) after
 * the password sign-in it descends from; never for a token the server no longer accepts.
 */
@ServerTest
class TokenRenewalIntegrationTests {

	private static final Duration SESSION_MAX_AGE = Duration.ofDays(7);

	@Autowired
	TestClients clients;

	@Autowired
	JwtEncoder encoder;

	@Autowired
	JwtDecoder decoder;

	@Test
	void aRenewedTokenWorksOverRestAndStompAndKeepsWhenTheSessionBegan() {
		TestUser alice = this.clients.newUser();
		Instant signedInAt = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
		String current = token(alice, signedInAt);

		ResponseEntity<JsonNode> renewed = renew(current);

		assertThat(renewed.getStatusCode().value()).isEqualTo(200);
		JsonNode body = renewed.getBody();
		assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(body.get("expiresIn").asLong()).isEqualTo(Duration.ofHours(1).toSeconds());
		String fresh = body.get("accessToken").asString();
		Jwt decoded = this.decoder.decode(fresh);
		assertThat(decoded.getClaimAsInstant(TokenIssuer.SIGNED_IN_CLAIM)).isEqualTo(signedInAt);
		assertThat(decoded.getExpiresAt()).isCloseTo(Instant.now().plus(Duration.ofHours(1)),
				within(Duration.ofSeconds(10)));
		assertThat(status(this.clients.rest(fresh).get().uri("/api/me"))).isEqualTo(200);
		try (StompClient client = this.clients.connect(fresh)) {
			assertThat(client.isConnected()).isTrue();
		}
	}

	@Test
	void aSignInStartsTheSessionAndATokenFromBeforeSessionsHadAnAgeStartsItWhenIssued() {
		TestUser alice = this.clients.newUser();
		Instant before = Instant.now().minusSeconds(1);
		assertThat(signedInAt(alice.token())).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));

		Instant issuedAt = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
		String old = tokenWithoutSignIn(alice, issuedAt);
		String renewed = renew(old).getBody().get("accessToken").asString();
		assertThat(signedInAt(renewed)).isEqualTo(issuedAt);
	}

	@Test
	void renewalIsRefusedOnceTheSessionIsOlderThanTheMaximumAge() {
		TestUser alice = this.clients.newUser();
		String tooOld = token(alice, Instant.now().minus(SESSION_MAX_AGE).minusSeconds(5));
		assertThat(status(this.clients.rest(tooOld).get().uri("/api/me"))).as("the token itself still counts")
			.isEqualTo(200);

		ResponseEntity<JsonNode> refused = renew(tooOld);

		assertThat(refused.getStatusCode().value()).isEqualTo(401);
		assertThat(refused.getBody().get("code").asString()).isEqualTo("unauthorized");
		assertThat(refused.getBody().get("detail").asString())
			.isEqualTo("the session began more than 7 days ago; sign in again");
	}

	@Test
	void renewalIsRefusedForATokenTheServerNoLongerAccepts() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser changed = this.clients.newUser();
		TestUser disabled = this.clients.newUser();
		TestUser expired = this.clients.newUser();
		this.clients.rest(admin)
			.post()
			.uri("/api/admin/users/{id}/password", changed.id())
			.body(Map.of("password", "a much newer password"))
			.retrieve()
			.toBodilessEntity();
		this.clients.rest(admin)
			.patch()
			.uri("/api/admin/users/{id}", disabled.id())
			.body(Map.of("disabled", true))
			.retrieve()
			.toBodilessEntity();
		String expiredToken = this.clients.tokens()
			.encode(expired.user(), Instant.now().minusSeconds(600), Instant.now().minusSeconds(120));

		assertThat(renew(changed.token()).getStatusCode().value()).isEqualTo(401);
		assertThat(renew(disabled.token()).getStatusCode().value()).isEqualTo(401);
		assertThat(renew(expiredToken).getStatusCode().value()).isEqualTo(401);
		assertThat(status(this.clients.anonymousRest().post().uri("/api/auth/token/renew"))).isEqualTo(401);
	}

	private ResponseEntity<JsonNode> renew(String token) {
		return this.clients.rest(token)
			.post()
			.uri("/api/auth/token/renew")
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toEntity(JsonNode.class);
	}

	private @Nullable Instant signedInAt(String token) {
		return this.decoder.decode(token).getClaimAsInstant(TokenIssuer.SIGNED_IN_CLAIM);
	}

	private String token(TestUser user, Instant signedInAt) {
		Instant now = Instant.now();
		return this.clients.tokens().encode(user.user(), signedInAt, now, now.plus(Duration.ofMinutes(30)));
	}

	/** A token as this server issued them before sessions had an age. */
	private String tokenWithoutSignIn(TestUser user, Instant issuedAt) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer("switchboard")
			.subject(Long.toString(user.id()))
			.claim(TokenIssuer.VERSION_CLAIM, 0)
			.claim("roles", List.of())
			.issuedAt(issuedAt)
			.expiresAt(Instant.now().plus(Duration.ofMinutes(30)));
		return this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
	}

}
