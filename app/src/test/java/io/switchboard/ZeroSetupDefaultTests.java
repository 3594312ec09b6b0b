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

	/**
	 * Issue 9 as a new user tries it: the demo publisher posts a trade fill for alice and
	 * a system notice for everyone it finds in the directory; alice, in two tabs, sees
	 * the fill in both; bob, offline meanwhile, finds the notice in his inbox when he
	 * signs in; the admin's announcement reaches every connected client.
	 */
	@Test
	void demoPublisherAndAdminReachDemoUsers() {
		try (ConfigurableApplicationContext server = start()) {
			TestClients clients = clients(server);
			String publisher = demoToken(clients, "publisher");
			JsonNode everyone = clients.rest(publisher)
				.get()
				.uri("/api/users?limit=50")
				.retrieve()
				.body(JsonNode.class);
			long alice = idOf(everyone, "alice");
			List<Long> all = everyone.valueStream().map((user) -> user.get("id").asLong()).toList();
			try (StompClient aliceTab1 = clients.connect(demoToken(clients, "alice"));
					StompClient aliceTab2 = clients.connect(demoToken(clients, "alice"));
					StompClient carol = clients.connect(demoToken(clients, "carol"))) {
				List<Inbox> aliceTabs = List.of(aliceTab1.subscribe("/user/queue/notifications"),
						aliceTab2.subscribe("/user/queue/notifications"));
				List<Inbox> announcements = List.of(aliceTab1.subscribe("/topic/announcements"),
						aliceTab2.subscribe("/topic/announcements"), carol.subscribe("/topic/announcements"));
				JsonNode fill = clients.rest(publisher)
					.post()
					.uri("/api/notifications")
					.header("Idempotency-Key", "fill-1")
					.body(Map.of("recipients", List.of(alice), "kind", "trade", "title", "Order filled", "body",
							"Bought 100 ACME at 12.50", "data", Map.of("symbol", "ACME")))
					.retrieve()
					.body(JsonNode.class);
				assertThat(fill.get("stored").asInt()).isEqualTo(1);
				JsonNode notice = clients.rest(publisher)
					.post()
					.uri("/api/notifications")
					.body(Map.of("recipients", all, "kind", "system", "title", "Maintenance tonight", "body",
							"22:00 to 22:15 UTC"))
					.retrieve()
					.body(JsonNode.class);
				assertThat(notice.get("stored").asInt()).isEqualTo(all.size());
				assertThat(notice.get("unknownRecipients")).isEmpty();
				for (Inbox tab : aliceTabs) {
					assertThat(tab.next().at("/data/symbol").asString()).isEqualTo("ACME");
					assertThat(tab.next().get("title").asString()).isEqualTo("Maintenance tonight");
				}
				clients.rest(demoToken(clients, "admin"))
					.post()
					.uri("/api/announcements")
					.body(Map.of("title", "Welcome", "body", "Switchboard is live", "severity", "info"))
					.retrieve()
					.toBodilessEntity();
				for (Inbox inbox : announcements) {
					assertThat(inbox.next().get("title").asString()).isEqualTo("Welcome");
				}
			}
			JsonNode bobsInbox = clients.rest(demoToken(clients, "bob"))
				.get()
				.uri("/api/notifications")
				.retrieve()
				.body(JsonNode.class);
			assertThat(bobsInbox.get("unreadCount").asLong()).isEqualTo(1);
			assertThat(bobsInbox.at("/notifications/0/title").asString()).isEqualTo("Maintenance tonight");
		}
	}

	private static long idOf(JsonNode users, String username) {
		return users.valueStream()
			.filter((user) -> user.get("username").asString().equals(username))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
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
