package io.switchboard.user;

import java.time.Duration;
import java.util.Map;

import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What users do with their own accounts ({@code /api/me}) and how they find each other
 * ({@code /api/users}).
 */
@ServerTest
class SelfServiceIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void aUserChangesTheirDisplayNameAndAvatarAndOthersSeeThem() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		JsonNode changed = this.clients.rest(alice)
			.patch()
			.uri("/api/me")
			.body(Map.of("displayName", "  Alice Liddell ", "avatarUrl", "https://example.com/a.png"))
			.retrieve()
			.body(JsonNode.class);
		assertThat(changed.get("displayName").asString()).isEqualTo("Alice Liddell");
		assertThat(changed.get("avatarUrl").asString()).isEqualTo("https://example.com/a.png");
		JsonNode me = this.clients.rest(alice).get().uri("/api/me").retrieve().body(JsonNode.class);
		assertThat(me.get("id").asLong()).isEqualTo(alice.id());
		assertThat(me.get("displayName").asString()).isEqualTo("Alice Liddell");
		JsonNode found = this.clients.rest(bob)
			.get()
			.uri("/api/users?query={query}", alice.username())
			.retrieve()
			.body(JsonNode.class);
		assertThat(found).singleElement().satisfies((user) -> {
			assertThat(user.get("id").asLong()).isEqualTo(alice.id());
			assertThat(user.get("avatarUrl").asString()).isEqualTo("https://example.com/a.png");
		});
		JsonNode cleared = this.clients.rest(alice)
			.patch()
			.uri("/api/me")
			.body(Map.of("avatarUrl", ""))
			.retrieve()
			.body(JsonNode.class);
		assertThat(cleared.get("avatarUrl").isNull()).isTrue();
		assertThat(cleared.get("displayName").asString()).as("left as it was").isEqualTo("Alice Liddell");
	}

	@Test
	void anAvatarThatIsNotAWebUrlIsRefused() {
		TestUser alice = this.clients.newUser();
		for (String url : new String[] { "javascript:alert(1)", "data:image/png;base64,AAAA", "not a url" }) {
			assertThat(problem(this.clients.rest(alice).patch().uri("/api/me").body(Map.of("avatarUrl", url)))).as(url)
				.isEqualTo("bad_request");
		}
		assertThat(problem(this.clients.rest(alice).patch().uri("/api/me").body(Map.of("displayName", "   "))))
			.isEqualTo("bad_request");
	}

	@Test
	void theDirectoryFindsEnabledUsersByTheStartOfEitherName() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser seeker = this.clients.newUser();
		TestUser named = this.clients.newUser();
		TestUser disabled = this.clients.newUser();
		String marker = "Zq" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		this.clients.rest(named)
			.patch()
			.uri("/api/me")
			.body(Map.of("displayName", marker + " One"))
			.retrieve()
			.toBodilessEntity();
		this.clients.rest(disabled)
			.patch()
			.uri("/api/me")
			.body(Map.of("displayName", marker + " Two"))
			.retrieve()
			.toBodilessEntity();
		this.clients.rest(admin)
			.patch()
			.uri("/api/admin/users/{id}", disabled.id())
			.body(Map.of("disabled", true))
			.retrieve()
			.toBodilessEntity();
		JsonNode found = this.clients.rest(seeker)
			.get()
			.uri("/api/users?query={query}", marker.toLowerCase())
			.retrieve()
			.body(JsonNode.class);
		assertThat(found).extracting((user) -> user.get("id").asLong()).containsExactly(named.id());
		JsonNode limited = this.clients.rest(seeker).get().uri("/api/users?limit=1").retrieve().body(JsonNode.class);
		assertThat(limited).hasSize(1);
		assertThat(status(this.clients.rest(seeker).get().uri("/api/users?limit=500"))).isEqualTo(400);
	}

	@Test
	void aPasswordChangeEndsEveryEarlierTokenAndAnswersWithANewOne() {
		TestUser alice = this.clients.newUser();
		StompClient elsewhere = this.clients.connect(alice);
		assertThat(problem(this.clients.rest(alice)
			.post()
			.uri("/api/me/password")
			.body(Map.of("currentPassword", "not it", "newPassword", "a brand new password")))).isEqualTo("forbidden");
		assertThat(problem(this.clients.rest(alice)
			.post()
			.uri("/api/me/password")
			.body(Map.of("currentPassword", TestClients.PASSWORD, "newPassword", "short")))).isEqualTo("bad_request");
		assertThat(elsewhere.isConnected()).as("refused changes end nothing").isTrue();

		JsonNode token = this.clients.rest(alice)
			.post()
			.uri("/api/me/password")
			.body(Map.of("currentPassword", TestClients.PASSWORD, "newPassword", "a brand new password"))
			.retrieve()
			.body(JsonNode.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> !elsewhere.isConnected());
		assertThat(status(this.clients.rest(alice).get().uri("/api/me"))).isEqualTo(401);
		String fresh = token.get("accessToken").asString();
		assertThat(status(this.clients.rest(fresh).get().uri("/api/me"))).isEqualTo(200);
		assertThat(this.clients.token(alice.username(), "a brand new password")).isNotBlank();
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode().value());
	}

	private static String problem(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.bodyTo(JsonNode.class)).get("code").asString();
	}

}
