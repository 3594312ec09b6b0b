package io.switchboard.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.test.ErrorFrameCatcher;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.switchboard.test.TestClients.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deployment that trusts an external issuer through the standard resource-server
 * settings: here {@code public-key-location}, with RS256 tokens the test signs as the
 * issuer would. Users are provisioned on first sight.
 */
@ServerTest
@DirtiesContext
class ExternalIssuerIntegrationTests {

	private static final KeyPair keys = rsaKeys();

	private final JwtEncoder issuer = NimbusJwtEncoder
		.withKeyPair((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate())
		.build();

	@Autowired
	TestClients clients;

	@DynamicPropertySource
	static void trustTheTestIssuer(DynamicPropertyRegistry registry) throws IOException {
		Path pem = Files.createTempFile("issuer", ".pem");
		pem.toFile().deleteOnExit();
		Files.writeString(pem,
				"-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
	}

	@Test
	void firstSightProvisionsTheUserAndLaterTokensFindThem() {
		String subject = "idp|" + UUID.randomUUID();
		String token = token(subject, "Dana.Q", List.of("ADMIN"));
		try (StompClient client = this.clients.connect(token)) {
			assertThat(client.isConnected()).isTrue();
		}
		JsonNode me = this.clients.rest(token).get().uri("/api/me").retrieve().body(JsonNode.class);
		assertThat(me.get("username").asString()).startsWith("dana.q");
		assertThat(me.get("displayName").asString()).isEqualTo("Dana Q.");
		assertThat(me.get("roles").get(0).asString()).isEqualTo("ADMIN");
		JsonNode again = this.clients.rest(token(subject, "Dana.Q", List.of()))
			.get()
			.uri("/api/me")
			.retrieve()
			.body(JsonNode.class);
		assertThat(again.get("id").asLong()).isEqualTo(me.get("id").asLong());
		assertThat(again.get("roles")).isEmpty();
	}

	@Test
	void twoSubjectsWantingTheSameNameGetDistinctUsers() {
		String name = "sam" + UUID.randomUUID().toString().substring(0, 6);
		JsonNode first = me(token("idp|" + UUID.randomUUID(), name, List.of()));
		JsonNode second = me(token("idp|" + UUID.randomUUID(), name, List.of()));
		assertThat(first.get("id").asLong()).isNotEqualTo(second.get("id").asLong());
		assertThat(first.get("username").asString()).isEqualTo(name);
		assertThat(second.get("username").asString()).isEqualTo(name + "-2");
	}

	@Test
	void builtInTokenEndpointIsNotOffered() {
		ResponseEntity<JsonNode> response = this.clients.anonymousRest()
			.post()
			.uri("/api/auth/token")
			.body(java.util.Map.of("username", "alice", "password", "demo"))
			.exchange((request, reply) -> ResponseEntity.status(reply.getStatusCode())
				.body(reply.bodyTo(JsonNode.class)));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	/**
	 * The issuer's workspace claim names the user's workspace, created on first sight;
	 * users of two workspaces do not find each other.
	 */
	@Test
	void theWorkspaceClaimPlacesTheUserAndTheWorkspaceIsCreatedOnFirstSight() {
		String workspace = "ext-" + UUID.randomUUID().toString().substring(0, 8);
		String first = token("idp|" + UUID.randomUUID(), "wanda", List.of(), Map.of("workspace", workspace));
		String second = token("idp|" + UUID.randomUUID(), "walt", List.of(), Map.of("workspace", workspace));
		String elsewhere = token("idp|" + UUID.randomUUID(), "wes", List.of());
		assertThat(me(first).at("/workspace/name").asString()).isEqualTo(workspace);
		assertThat(me(second).at("/workspace/id").asLong()).isEqualTo(me(first).at("/workspace/id").asLong());
		assertThat(me(elsewhere).at("/workspace/name").asString()).isEqualTo("default");
		JsonNode found = this.clients.rest(first).get().uri("/api/users?query=w").retrieve().body(JsonNode.class);
		assertThat(found).extracting((user) -> user.get("username").asString())
			.anyMatch((name) -> name.startsWith("walt"))
			.noneMatch((name) -> name.startsWith("wes"));
	}

	@Test
	void externalTokenWithoutExpiryOrLivingLongerThanTheMaximumIsRefused() {
		String subject = "idp|" + UUID.randomUUID();
		Instant now = Instant.now();
		assertThat(status(this.clients.rest(token(subject, now, null)).get().uri("/api/me"))).isEqualTo(401);
		String longLived = token(subject, now, now.plus(Duration.ofDays(30)));
		assertThat(status(this.clients.rest(longLived).get().uri("/api/me"))).isEqualTo(401);
		ErrorFrameCatcher error = new ErrorFrameCatcher();
		this.clients.connectAsync("Bearer " + longLived, error);
		assertThat(error.message()).isEqualTo("unauthorized");
		assertThat(error.detail()).contains("lives longer");
		assertThat(status(this.clients.rest(token(subject, now, now.plus(Duration.ofHours(8)))).get().uri("/api/me")))
			.isEqualTo(200);
	}

	private JsonNode me(String token) {
		return this.clients.rest(token).get().uri("/api/me").retrieve().body(JsonNode.class);
	}

	private String token(String subject, String preferredUsername, List<String> roles) {
		return token(subject, preferredUsername, roles, Map.of());
	}

	private String token(String subject, String preferredUsername, List<String> roles, Map<String, Object> more) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("https://idp.example")
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plusSeconds(300))
			.claim("preferred_username", preferredUsername)
			.claim("name", "Dana Q.")
			.claim("roles", roles)
			.claims((all) -> all.putAll(more))
			.build();
		return this.issuer.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private String token(String subject, Instant issuedAt, @Nullable Instant expiresAt) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer("https://idp.example")
			.subject(subject)
			.issuedAt(issuedAt)
			.claim("preferred_username", "lifetime");
		if (expiresAt != null) {
			claims.expiresAt(expiresAt);
		}
		return this.issuer
			.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
			.getTokenValue();
	}

	private static KeyPair rsaKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
