package io.switchboard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.switchboard.security.TokenIssuer;
import io.switchboard.test.Inbox;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.user.UserDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one test of the zero-setup default, as a new user tries it: H2 file database, demo
 * accounts, the general channel, a picture sent along; and the data is still there after
 * a restart.
 */
class ZeroSetupDefaultTests {

	@TempDir
	Path data;

	@Test
	void demoUserChatsInGeneralAndFindsTheMessageAfterARestart() {
		long channelId;
		long seq;
		long attachmentId;
		byte[] picture = { (byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3 };
		try (ConfigurableApplicationContext server = start()) {
			TestClients clients = clients(server);
			String token = demoToken(clients, "alice");
			JsonNode general = clients.rest(token).get().uri("/api/channels").retrieve().body(JsonNode.class).get(0);
			assertThat(general.get("name").asString()).isEqualTo("general");
			channelId = general.get("id").asLong();
			// Database storage, in H2's BLOB.
			attachmentId = clients.upload(token, channelId, "hello.png", MediaType.IMAGE_PNG, picture)
				.retrieve()
				.body(JsonNode.class)
				.get("id")
				.asLong();
			try (StompClient client = clients.connect(token)) {
				Inbox channel = client.subscribe("/topic/channel." + channelId);
				client.sendAndAwaitReceipt("/app/channel." + channelId + ".send",
						Map.of("content", "hello, world", "attachments", List.of(attachmentId)));
				JsonNode event = channel.next();
				assertThat(event.get("type").asString()).isEqualTo("message.created");
				assertThat(event.at("/message/attachments/0/name").asString()).isEqualTo("hello.png");
				seq = event.get("seq").asLong();
				assertThat(seq).isPositive();
			}
		}
		try (ConfigurableApplicationContext restarted = start()) {
			TestClients clients = clients(restarted);
			JsonNode history = clients.rest(demoToken(clients, "bob"))
				.get()
				.uri("/api/channels/{id}/messages", channelId)
				.retrieve()
				.body(JsonNode.class);
			JsonNode message = history.get("messages").get(0);
			assertThat(message.get("content").asString()).isEqualTo("hello, world");
			assertThat(message.get("seq").asLong()).isEqualTo(seq);
			assertThat(message.at("/sender/username").asString()).isEqualTo("alice");
			assertThat(clients.rest(demoToken(clients, "bob"))
				.get()
				.uri("/api/attachments/{id}", attachmentId)
				.retrieve()
				.body(byte[].class)).isEqualTo(picture);
			// H2 has no full-text search: a plain case-insensitive match stands in.
			JsonNode found = clients.rest(demoToken(clients, "bob"))
				.get()
				.uri("/api/search?q=WORLD")
				.retrieve()
				.body(JsonNode.class);
			assertThat(found.at("/results/0/message/content").asString()).isEqualTo("hello, world");
			assertThat(found.at("/results/0/highlights/0/start").asInt()).isEqualTo(7);
			// The demo's second workspace: dave and erin have their own lobby, and
			// neither workspace sees the other.
			String dave = demoToken(clients, "dave");
			JsonNode lobby = clients.rest(dave).get().uri("/api/channels").retrieve().body(JsonNode.class).get(0);
			assertThat(lobby.get("name").asString()).isEqualTo("lobby");
			assertThat(clients.rest(dave)
				.get()
				.uri("/api/me")
				.retrieve()
				.body(JsonNode.class)
				.at("/workspace/name")
				.asString()).isEqualTo("acme");
			assertThat(clients.rest(dave).get().uri("/api/users?query=alice").retrieve().body(JsonNode.class))
				.isEmpty();
			int status = clients.rest(demoToken(clients, "bob"))
				.get()
				.uri("/api/channels/{id}", lobby.get("id").asLong())
				.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).isEqualTo(404);
		}
	}

	private ConfigurableApplicationContext start() {
		// Only the database file moves, to a temporary folder; the rest is the default.
		return new SpringApplicationBuilder(SwitchboardApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("switchboard")
						+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
	}

	private static TestClients clients(ConfigurableApplicationContext server) {
		return new TestClients(server.getBean(UserDirectory.class), server.getBeanProvider(TokenIssuer.class),
				server.getBean(JsonMapper.class), server.getEnvironment(),
				server.getBean(io.switchboard.user.Workspaces.class));
	}

	private static String demoToken(TestClients clients, String username) {
		return clients.anonymousRest()
			.post()
			.uri("/api/auth/token")
			.body(Map.of("username", username, "password", "demo"))
			.retrieve()
			.body(JsonNode.class)
			.get("accessToken")
			.asString();
	}

}
