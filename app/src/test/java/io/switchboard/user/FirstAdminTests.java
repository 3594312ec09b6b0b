package io.switchboard.user;

import java.util.List;
import java.util.Map;

import io.switchboard.SwitchboardApplication;
import io.switchboard.test.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A deployment on an empty database gets its first admin from
 * {@code switchboard.accounts.bootstrap-admin}, and only then.
 */
class FirstAdminTests {

	private static final String SECRET = "a-production-secret-of-at-least-32-bytes-0123456789";

	@Test
	void aFreshProductionDatabaseGetsTheBootstrapAdminAndOnlyOnce() {
		TestDatabase empty = TestDatabase.another();
		try (ConfigurableApplicationContext server = start(empty, "root", "first admin password")) {
			RestClient anonymous = RestClient.create("http://localhost:" + port(server));
			JsonNode token = signIn(anonymous, "root", "first admin password");
			assertThat(token).as("the bootstrap admin signs in").isNotNull();
			RestClient admin = RestClient.builder()
				.baseUrl("http://localhost:" + port(server))
				.defaultHeader("Authorization", "Bearer " + token.get("accessToken").asString())
				.build();
			JsonNode users = admin.get().uri("/api/admin/users").retrieve().body(JsonNode.class);
			assertThat(users.get("users")).singleElement().satisfies((user) -> {
				assertThat(user.get("username").asString()).isEqualTo("root");
				assertThat(user.get("roles")).extracting(JsonNode::asString).containsExactly("ADMIN");
			});
		}
		try (ConfigurableApplicationContext again = start(empty, "other", "another password here")) {
			RestClient anonymous = RestClient.create("http://localhost:" + port(again));
			assertThat(signIn(anonymous, "other", "another password here"))
				.as("once anyone exists, the settings create no one")
				.isNull();
			assertThat(signIn(anonymous, "root", "first admin password")).isNotNull();
		}
	}

	/**
	 * A new deployment as its first admin would try it: sign in, create two people, who
	 * find each other in the directory, open a direct channel and talk.
	 */
	@Test
	void theFirstAdminCreatesTwoPeopleWhoFindEachOtherAndTalk() {
		try (ConfigurableApplicationContext server = start(TestDatabase.another(), "root", "first admin password")) {
			String base = "http://localhost:" + port(server);
			RestClient anonymous = RestClient.create(base);
			RestClient admin = signedIn(base, signIn(anonymous, "root", "first admin password"));
			for (String name : new String[] { "dora", "eli" }) {
				admin.post()
					.uri("/api/admin/users")
					.body(Map.of("username", name, "password", name + " password 1", "displayName", name.toUpperCase()))
					.retrieve()
					.toBodilessEntity();
			}
			RestClient dora = signedIn(base, signIn(anonymous, "dora", "dora password 1"));
			RestClient eli = signedIn(base, signIn(anonymous, "eli", "eli password 1"));
			JsonNode found = dora.get().uri("/api/users?query=el").retrieve().body(JsonNode.class);
			assertThat(found).singleElement()
				.satisfies((user) -> assertThat(user.get("displayName").asString()).isEqualTo("ELI"));
			long eliId = found.get(0).get("id").asLong();
			long channelId = dora.post()
				.uri("/api/direct")
				.body(Map.of("userIds", List.of(eliId)))
				.retrieve()
				.body(JsonNode.class)
				.get("id")
				.asLong();
			JsonNode eliChannels = eli.get().uri("/api/channels").retrieve().body(JsonNode.class);
			assertThat(eliChannels).extracting((channel) -> channel.get("id").asLong()).containsExactly(channelId);
		}
	}

	/**
	 * Nothing creates an admin once anyone exists, so the last one may not go.
	 */
	@Test
	void theLastEnabledAdminCannotBeDemotedDisabledOrErased() {
		try (ConfigurableApplicationContext server = start(TestDatabase.another(), "root", "first admin password")) {
			String base = "http://localhost:" + port(server);
			RestClient root = signedIn(base, signIn(RestClient.create(base), "root", "first admin password"));
			long rootId = root.get().uri("/api/me").retrieve().body(JsonNode.class).get("id").asLong();
			assertThat(code(root.patch().uri("/api/admin/users/{id}", rootId).body(Map.of("roles", List.of()))))
				.isEqualTo("conflict");
			assertThat(code(root.patch().uri("/api/admin/users/{id}", rootId).body(Map.of("disabled", true))))
				.isEqualTo("conflict");
			assertThat(code(root.delete().uri("/api/me"))).isEqualTo("conflict");
			root.post()
				.uri("/api/admin/users")
				.body(Map.of("username", "second", "password", "second admin password", "roles", List.of("ADMIN")))
				.retrieve()
				.toBodilessEntity();
			JsonNode demoted = root.patch()
				.uri("/api/admin/users/{id}", rootId)
				.body(Map.of("roles", List.of()))
				.retrieve()
				.body(JsonNode.class);
			assertThat(demoted.get("roles")).as("with another admin, it may").isEmpty();
		}
	}

	@Test
	void aBootstrapAdminWithAShortPasswordStopsTheStart() {
		assertThatThrownBy(() -> start(TestDatabase.another(), "root", "short").close())
			.hasStackTraceContaining("switchboard.accounts.bootstrap-admin needs");
	}

	/**
	 * The token response, or {@code null} if signing in was refused.
	 */
	private static JsonNode signIn(RestClient client, String username, String password) {
		return client.post()
			.uri("/api/auth/token")
			.body(Map.of("username", username, "password", password))
			.exchange((request, response) -> response.getStatusCode().is2xxSuccessful()
					? response.bodyTo(JsonNode.class) : null);
	}

	private static RestClient signedIn(String base, JsonNode token) {
		return RestClient.builder()
			.baseUrl(base)
			.defaultHeader("Authorization", "Bearer " + token.get("accessToken").asString())
			.build();
	}

	private static String code(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.bodyTo(JsonNode.class)).get("code").asString();
	}

	private static int port(ConfigurableApplicationContext server) {
		return server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static ConfigurableApplicationContext start(TestDatabase database, String username, String password) {
		return new SpringApplicationBuilder(SwitchboardApplication.class).profiles("prod")
			.properties("server.port=0")
			.run("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					"--switchboard.security.jwt-secret=" + SECRET,
					"--switchboard.accounts.bootstrap-admin.username=" + username,
					"--switchboard.accounts.bootstrap-admin.password=" + password);
	}

}
