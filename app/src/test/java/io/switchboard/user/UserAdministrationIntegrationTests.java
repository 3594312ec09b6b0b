package io.switchboard.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.switchboard.test.ErrorFrameCatcher;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ADMINs create, find, change, disable and re-enable accounts and set their passwords;
 * what ends an account's tokens ends its open sessions too.
 */
@ServerTest
class UserAdministrationIntegrationTests {

	private static final AtomicInteger names = new AtomicInteger();

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	TestClients clients;

	@Autowired
	JwtEncoder jwtEncoder;

	@Test
	void anAdminCreatesAUserWhoSignsInAndBelongsToNoChannel() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		String username = newName();
		ResponseEntity<JsonNode> created = admin(admin).post()
			.uri("/api/admin/users")
			.body(Map.of("username", username, "password", PASSWORD, "displayName", "Dora"))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		JsonNode user = created.getBody();
		assertThat(created.getHeaders().getLocation()).hasToString("/api/admin/users/" + user.get("id").asLong());
		assertThat(user.get("username").asString()).isEqualTo(username);
		assertThat(user.get("displayName").asString()).isEqualTo("Dora");
		assertThat(user.get("disabled").asBoolean()).isFalse();
		String token = this.clients.token(username, PASSWORD);
		JsonNode me = this.clients.rest(token).get().uri("/api/me").retrieve().body(JsonNode.class);
		assertThat(me.get("id").asLong()).isEqualTo(user.get("id").asLong());
		JsonNode channels = this.clients.rest(token).get().uri("/api/channels").retrieve().body(JsonNode.class);
		assertThat(channels).isEmpty();
	}

	@Test
	void onlyAdminsAdministerAccounts() {
		TestUser member = this.clients.newUser();
		assertThat(status(this.clients.rest(member).get().uri("/api/admin/users"))).isEqualTo(403);
		assertThat(status(this.clients.rest(member)
			.post()
			.uri("/api/admin/users")
			.body(Map.of("username", newName(), "password", PASSWORD)))).isEqualTo(403);
	}

	@Test
	void badOrTakenNamesAndShortPasswordsAreRefused() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		String username = newName();
		create(admin, username, PASSWORD);
		assertThat(problem(
				admin(admin).post().uri("/api/admin/users").body(Map.of("username", username, "password", PASSWORD))))
			.isEqualTo("conflict");
		assertThat(problem(admin(admin).post()
			.uri("/api/admin/users")
			.body(Map.of("username", "Not Valid", "password", PASSWORD)))).isEqualTo("bad_request");
		assertThat(problem(
				admin(admin).post().uri("/api/admin/users").body(Map.of("username", newName(), "password", "short"))))
			.isEqualTo("bad_request");
		Map<String, Object> nullRole = new HashMap<>(Map.of("username", newName(), "password", PASSWORD));
		nullRole.put("roles", Arrays.asList((Object) null));
		assertThat(problem(admin(admin).post().uri("/api/admin/users").body(nullRole))).isEqualTo("bad_request");
		assertThat(problem(
				admin(admin).patch().uri("/api/admin/users/{id}", admin.id()).body(Map.of("displayName", "  "))))
			.isEqualTo("bad_request");
	}

	@Test
	void aDisabledUsersTokensAreRefusedAndTheirSessionsCloseUntilEnabledAndSignedInAgain() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		String username = newName();
		long id = create(admin, username, PASSWORD);
		String token = this.clients.token(username, PASSWORD);
		ErrorFrameCatcher error = new ErrorFrameCatcher();
		StompSession session = StompClient.await(this.clients.connectAsync("Bearer " + token, error));
		session.subscribe("/user/queue/notifications", error);

		JsonNode disabled = admin(admin).patch()
			.uri("/api/admin/users/{id}", id)
			.body(Map.of("disabled", true))
			.retrieve()
			.body(JsonNode.class);
		assertThat(disabled.get("disabled").asBoolean()).isTrue();
		assertThat(error.message()).isEqualTo("unauthorized");
		assertThat(error.detail()).isEqualTo("the account is disabled");
		await().atMost(Duration.ofSeconds(5)).until(() -> !session.isConnected());
		assertThat(status(this.clients.rest(token).get().uri("/api/me"))).isEqualTo(401);
		assertThat(status(this.clients.signIn(username, PASSWORD))).isEqualTo(401);

		admin(admin).patch()
			.uri("/api/admin/users/{id}", id)
			.body(Map.of("disabled", false))
			.retrieve()
			.toBodilessEntity();
		assertThat(status(this.clients.rest(token).get().uri("/api/me"))).as("a token from before the disable")
			.isEqualTo(401);
		String fresh = this.clients.token(username, PASSWORD);
		assertThat(status(this.clients.rest(fresh).get().uri("/api/me"))).isEqualTo(200);
	}

	@Test
	void aNewPasswordEndsTheTokensOfTheOldOne() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		String username = newName();
		long id = create(admin, username, PASSWORD);
		String old = this.clients.token(username, PASSWORD);
		StompClient listening = this.clients.connect(old);
		admin(admin).post()
			.uri("/api/admin/users/{id}/password", id)
			.body(Map.of("password", "a much newer password"))
			.retrieve()
			.toBodilessEntity();
		await().atMost(Duration.ofSeconds(5)).until(() -> !listening.isConnected());
		assertThat(status(this.clients.rest(old).get().uri("/api/me"))).isEqualTo(401);
		assertThat(status(this.clients.signIn(username, PASSWORD))).isEqualTo(401);
		assertThat(status(this.clients.signIn(username, "a much newer password"))).isEqualTo(200);
	}

	@Test
	void otherRolesTakeEffectAtOnceAndEndTheSessionsThatHeldTheOldOnes() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser demoted = this.clients.newUser(Role.ADMIN);
		StompClient listening = this.clients.connect(demoted);
		assertThat(status(this.clients.rest(demoted).get().uri("/api/admin/users"))).isEqualTo(200);
		JsonNode changed = admin(admin).patch()
			.uri("/api/admin/users/{id}", demoted.id())
			.body(Map.of("roles", List.of()))
			.retrieve()
			.body(JsonNode.class);
		assertThat(changed.get("roles")).isEmpty();
		assertThat(status(this.clients.rest(demoted).get().uri("/api/admin/users"))).isEqualTo(403);
		await().atMost(Duration.ofSeconds(5)).until(() -> !listening.isConnected());
		try (StompClient again = this.clients.connect(demoted)) {
			assertThat(again.isConnected()).as("the token itself still counts").isTrue();
		}
	}

	@Test
	void theListFindsAccountsByTheStartOfTheirNames() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		String username = newName();
		create(admin, username, PASSWORD);
		JsonNode page = admin(admin).get()
			.uri("/api/admin/users?query={query}", username.substring(0, username.length() - 1))
			.retrieve()
			.body(JsonNode.class);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("users")).extracting((user) -> user.get("username").asString()).contains(username);
		JsonNode none = admin(admin).get()
			.uri("/api/admin/users?query={query}", username + "-nobody")
			.retrieve()
			.body(JsonNode.class);
		assertThat(none.get("users")).isEmpty();
		assertThat(none.get("hasMore").asBoolean()).isFalse();
	}

	/**
	 * Tokens name their user by id: a name may be freed and taken by someone else.
	 */
	@Test
	void aTokenThatNamesItsUserByNameIsRefused() {
		TestUser alice = this.clients.newUser();
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("switchboard")
			.subject(alice.username())
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.claim("ver", 0)
			.build();
		String byName = this.jwtEncoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		assertThat(status(this.clients.rest(byName).get().uri("/api/me"))).isEqualTo(401);
		assertThat(status(this.clients.rest(alice).get().uri("/api/me"))).isEqualTo(200);
	}

	private RestClient admin(TestUser admin) {
		return this.clients.rest(admin);
	}

	private long create(TestUser admin, String username, String password) {
		return admin(admin).post()
			.uri("/api/admin/users")
			.body(Map.of("username", username, "password", password))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.retrieve().onStatus(HttpStatusCode::isError, (req, response) -> {
		}).toBodilessEntity().getStatusCode().value();
	}

	private static String problem(RestClient.RequestHeadersSpec<?> request) {
		JsonNode body = request.retrieve().onStatus(HttpStatusCode::isError, (req, response) -> {
		}).body(JsonNode.class);
		return body.get("code").asString();
	}

	private static String newName() {
		return "adm" + names.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

}
