package io.switchboard.user;

import java.util.List;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.switchboard.test.TestClients.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/me/settings}: one JSON object per user, read back exactly as written, seen
 * by nobody else, in the export and gone at erasure.
 */
@ServerTest
class UserSettingsIntegrationTests {

	@Autowired
	TestClients clients;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void settingsReadBackExactlyAsWrittenAndAreEmptyUntilThen() {
		TestUser alice = this.clients.newUser();
		assertThat(settings(alice)).isEqualTo("{}");
		String written = "{\"theme\":\"dark\",\"fontScale\":1.50,\"pinned\":[3,1],\"sidebar\":{\"open\":null}}";
		assertThat(put(alice, written)).isEqualTo(written);
		assertThat(settings(alice)).isEqualTo(written);
		assertThat(put(alice, "{}")).isEqualTo("{}");
		assertThat(settings(alice)).as("a PUT replaces them whole").isEqualTo("{}");
	}

	@Test
	void anythingButOneJsonObjectIsRefusedAndChangesNothing() {
		TestUser alice = this.clients.newUser();
		put(alice, "{\"theme\":\"light\"}");
		for (String body : List.of("[1]", "\"dark\"", "42", "null", "{\"theme\":", "{} {}", "  ")) {
			JsonNode problem = refusal(alice, body);
			assertThat(problem.get("status").asInt()).as(body).isEqualTo(400);
			assertThat(problem.get("code").asString()).as(body).isEqualTo("bad_request");
		}
		assertThat(settings(alice)).isEqualTo("{\"theme\":\"light\"}");
	}

	@Test
	void settingsOverSixteenKibibytesOfUtf8AreRefused() {
		TestUser alice = this.clients.newUser();
		// {"k":"éé…"} is 8 bytes plus 2 for each é.
		String fits = "{\"k\":\"" + "é".repeat(8188) + "\"}";
		assertThat(put(alice, fits)).isEqualTo(fits);
		JsonNode problem = refusal(alice, "{\"k\":\"" + "é".repeat(8189) + "\"}");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).contains("16386 bytes").contains("16384");
		assertThat(settings(alice)).isEqualTo(fits);
	}

	@Test
	void nobodySeesAnothersSettingsWhichGoWithTheExportAndAtErasure() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		put(alice, "{\"theme\":\"dark\"}");
		assertThat(settings(bob)).isEqualTo("{}");
		assertThat(this.clients.get(alice, "/api/me/export").get("settings"))
			.isEqualTo(this.clients.json().readTree("{\"theme\":\"dark\"}"));
		assertThat(this.clients.get(bob, "/api/me/export").get("settings")).isEmpty();

		assertThat(status(this.clients.rest(alice).delete().uri("/api/me"))).isEqualTo(204);
		assertThat(this.jdbc.queryForObject("select count(*) from user_settings where user_id = ?", Integer.class,
				alice.id()))
			.isZero();
	}

	private String settings(TestUser user) {
		return this.clients.rest(user).get().uri("/api/me/settings").retrieve().body(String.class);
	}

	private String put(TestUser user, String settings) {
		return this.clients.rest(user)
			.put()
			.uri("/api/me/settings")
			.contentType(MediaType.APPLICATION_JSON)
			.body(settings)
			.retrieve()
			.body(String.class);
	}

	private JsonNode refusal(TestUser user, String settings) {
		return this.clients.rest(user)
			.put()
			.uri("/api/me/settings")
			.contentType(MediaType.APPLICATION_JSON)
			.body(settings)
			.exchange((request, response) -> this.clients.json().readTree(response.getBody()));
	}

}
