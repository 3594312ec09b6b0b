package io.switchboard.user;

import java.util.List;
import java.util.Map;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADMINs define badges and give them; a message's sender shows their badge with the
 * highest priority, live and in history.
 */
@ServerTest
class BadgeIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void aSenderShowsTheirHighestPriorityBadgeLiveAndInHistory() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long low = define(admin, "mod-" + suffix, "#00AA00", 10).get("id").asLong();
		long high = define(admin, "whale-" + suffix, "#ff0000", 50).get("id").asLong();
		JsonNode given = this.clients.rest(admin)
			.put()
			.uri("/api/admin/users/{id}/badges", alice.id())
			.body(Map.of("badgeIds", List.of(low, high)))
			.retrieve()
			.body(JsonNode.class);
		assertThat(given.get("badges")).extracting((badge) -> badge.get("id").asLong()).containsExactly(high, low);
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox channel = aliceClient.subscribe("/topic/channel." + channelId);
			aliceClient.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "badged"));
			bobClient.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "plain"));
			JsonNode badged = channel.next().at("/message/sender");
			assertThat(badged.at("/badge/name").asString()).isEqualTo("whale-" + suffix);
			assertThat(badged.at("/badge/color").asString()).isEqualTo("#ff0000");
			assertThat(channel.next().at("/message/sender/badge").isNull()).isTrue();
		}
		JsonNode history = this.clients.messages(bob, channelId, "sinceSeq=0");
		assertThat(history.get("messages")).filteredOn((message) -> message.get("content").asString().equals("badged"))
			.singleElement()
			.satisfies(
					(message) -> assertThat(message.at("/sender/badge/name").asString()).isEqualTo("whale-" + suffix));
		JsonNode all = this.clients.rest(bob).get().uri("/api/badges").retrieve().body(JsonNode.class);
		List<Long> ids = all.valueStream().map((badge) -> badge.get("id").asLong()).toList();
		assertThat(ids.indexOf(high)).isLessThan(ids.indexOf(low));
	}

	@Test
	void onlyAdminsDefineAndGiveBadgesAndBadOnesAreRefused() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser member = this.clients.newUser();
		String name = "dup-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		define(admin, name, "#123456", 1);
		assertThat(code(this.clients.rest(admin)
			.post()
			.uri("/api/admin/badges")
			.body(Map.of("name", name, "color", "#123456", "priority", 2)))).isEqualTo("conflict");
		assertThat(code(this.clients.rest(admin)
			.post()
			.uri("/api/admin/badges")
			.body(Map.of("name", name + "x", "color", "red", "priority", 2)))).isEqualTo("bad_request");
		assertThat(code(this.clients.rest(member)
			.post()
			.uri("/api/admin/badges")
			.body(Map.of("name", name + "y", "color", "#123456", "priority", 2)))).isEqualTo("forbidden");
		assertThat(code(this.clients.rest(admin)
			.put()
			.uri("/api/admin/users/{id}/badges", member.id())
			.body(Map.of("badgeIds", List.of(Long.MAX_VALUE))))).isEqualTo("bad_request");
	}

	private JsonNode define(TestUser admin, String name, String color, int priority) {
		return this.clients.rest(admin)
			.post()
			.uri("/api/admin/badges")
			.body(Map.of("name", name, "color", color, "priority", priority))
			.retrieve()
			.body(JsonNode.class);
	}

	private static String code(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.bodyTo(JsonNode.class)).get("code").asString();
	}

}
