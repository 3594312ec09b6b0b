package io.switchboard.announcement;

import java.util.Map;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.switchboard.test.TestClients.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Announcements reach every connected client of the admin's workspace, and no other.
 */
@ServerTest
class AnnouncementIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void anAdminsAnnouncementReachesEveryClientOfTheWorkspaceAndNoOther() {
		String elsewhere = "ann-" + System.nanoTime();
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser alice = this.clients.newUser();
		TestUser foreignAdmin = this.clients.newUserIn(elsewhere, Role.ADMIN);
		TestUser foreigner = this.clients.newUserIn(elsewhere);
		long before = latest(alice);
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient foreignClient = this.clients.connect(foreigner);
				StompClient adminClient = this.clients.connect(admin)) {
			Inbox alices = aliceClient.subscribe("/topic/announcements");
			Inbox foreigners = foreignClient.subscribe("/topic/announcements");
			JsonNode posted = this.clients.rest(admin)
				.post()
				.uri("/api/announcements")
				.body(Map.of("title", "Maintenance", "body", "Tonight at 22:00", "severity", "warning"))
				.retrieve()
				.body(JsonNode.class);
			JsonNode received = alices.next();
			assertThat(received.get("type").asString()).isEqualTo("announcement");
			assertThat(received.get("id").asLong()).isEqualTo(posted.get("id").asLong());
			assertThat(received.get("severity").asString()).isEqualTo("warning");
			assertThat(received.at("/author/username").asString()).isEqualTo(admin.username());
			adminClient.sendAndAwaitReceipt("/app/announcements.post",
					Map.of("title", "Done", "body", "All back", "severity", "info"));
			assertThat(alices.next().get("title").asString()).isEqualTo("Done");
			// The other workspace hears only its own: the barrier is its admin's post.
			this.clients.rest(foreignAdmin)
				.post()
				.uri("/api/announcements")
				.body(Map.of("title", "Ours", "body", "Only for us", "severity", "info"))
				.retrieve()
				.toBodilessEntity();
			assertThat(foreigners.next().get("title").asString()).isEqualTo("Ours");
		}
		JsonNode missed = this.clients.get(alice, "/api/announcements?after=" + before);
		assertThat(missed).extracting((announcement) -> announcement.get("title").asString())
			.containsExactly("Maintenance", "Done");
	}

	@Test
	void onlyAdminsAnnounce() {
		TestUser alice = this.clients.newUser();
		assertThat(status(this.clients.rest(alice)
			.post()
			.uri("/api/announcements")
			.body(Map.of("title", "Hi", "body", "everyone", "severity", "info")))).isEqualTo(403);
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.send("/app/announcements.post", Map.of("title", "Hi", "body", "everyone", "severity", "info"));
			assertThat(errors.next().get("code").asString()).isEqualTo("forbidden");
			client.send("/app/announcements.post", Map.of("title", "Hi", "body", "everyone", "severity", "loud"));
			assertThat(errors.next().get("code").asString()).isEqualTo("bad_request");
		}
	}

	private long latest(TestUser reader) {
		long latest = 0;
		JsonNode page;
		do {
			page = this.clients.get(reader, "/api/announcements?limit=100&after=" + latest);
			for (JsonNode announcement : page) {
				latest = announcement.get("id").asLong();
			}
		}
		while (page.size() == 100);
		return latest;
	}

}
