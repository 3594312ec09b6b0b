package io.switchboard.message;

import java.util.List;
import java.util.Map;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

import static io.switchboard.test.TestClients.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-text search on PostgreSQL, as a reader sees it: only what they may read now,
 * ranked, with highlights, paged, and no query text that breaks it.
 */
@ServerTest
class SearchIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void findsAWordOnlyInChannelsTheSearcherMayReadNow() {
		String word = uniqueWord();
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long shared = this.clients.createChannel(alice, "private", bob);
		long secret = this.clients.createChannel(alice, "private");
		long open = this.clients.createChannel(alice, "public");
		this.clients.post(alice, shared, "the " + word + " crossing is here");
		this.clients.post(alice, secret, "a " + word + " nobody else sees");
		this.clients.post(alice, open, "public " + word + " news");
		long deleted = this.clients.post(alice, shared, "deleted " + word);
		this.clients.rest(alice).delete().uri("/api/messages/{id}", deleted).retrieve().toBodilessEntity();
		TestUser stranger = this.clients.newUserIn("search-" + word);
		long foreign = this.clients.createChannel(stranger, "public");
		this.clients.post(stranger, foreign, "foreign " + word);

		JsonNode found = search(bob, word, "");
		assertThat(found.get("results")).extracting((result) -> result.at("/message/channelId").asLong())
			.containsExactlyInAnyOrder(shared, open);
		JsonNode first = found.at("/results/0");
		String snippet = first.get("snippet").asString();
		JsonNode highlight = first.at("/highlights/0");
		assertThat(snippet.substring(highlight.get("start").asInt(), highlight.get("end").asInt())).isEqualTo(word);

		// Leaving the private channel takes its messages out of bob's results.
		this.clients.rest(bob).post().uri("/api/channels/{id}/leave", shared).retrieve().toBodilessEntity();
		assertThat(search(bob, word, "").get("results"))
			.extracting((result) -> result.at("/message/channelId").asLong())
			.containsExactly(open);
		assertThat(search(alice, word, "&channelId=" + secret).get("results")).hasSize(1);
		// Once out of a private channel, it is as if it did not exist.
		assertThat(status(this.clients.rest(bob).get().uri(uri(word, "&channelId=" + secret)))).isEqualTo(404);
		assertThat(status(this.clients.rest(stranger).get().uri(uri(word, "&channelId=" + open)))).isEqualTo(404);
	}

	@Test
	void resultsAreRankedAndPaged() {
		String word = uniqueWord();
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		this.clients.post(alice, channelId, "once " + word);
		long best = this.clients.post(alice, channelId, word + " " + word + " " + word);
		for (int i = 0; i < 3; i++) {
			this.clients.post(alice, channelId, "again " + word + " number " + i);
		}
		JsonNode first = search(alice, word, "&limit=2");
		assertThat(first.at("/results/0/message/id").asLong()).isEqualTo(best);
		assertThat(first.get("hasMore").asBoolean()).isTrue();
		long before = first.at("/results/1/message/id").asLong();
		JsonNode second = search(alice, word, "&limit=2&before=" + before);
		JsonNode third = search(alice, word, "&limit=2&before=" + second.at("/results/1/message/id").asLong());
		assertThat(third.get("hasMore").asBoolean()).isFalse();
		List<Long> all = new java.util.ArrayList<>();
		for (JsonNode page : List.of(first, second, third)) {
			page.get("results").forEach((result) -> all.add(result.at("/message/id").asLong()));
		}
		assertThat(all).hasSize(5).doesNotHaveDuplicates();
	}

	@Test
	void hostileQueriesGiveResultsOrBadRequestNeverAServerError() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		this.clients.post(alice, channelId, "robert'); drop table messages; -- said \"hi\"");
		for (String query : List.of("\"unterminated", "a & b | !c", "'; drop table messages; --", ":*", "<->", "((",
				"))", "-", "or", "\"\"", "%_", "\\", "x".repeat(256), "x".repeat(1000), "\u0000", "\ud800", "🙂",
				"robert'); drop", "select * from users")) {
			int status = status(this.clients.rest(alice).get().uri(uri(query, "")));
			assertThat(status).as(query).isIn(200, 400);
		}
		assertThat(search(alice, "drop table", "").get("results")).hasSize(1);
	}

	private JsonNode search(TestUser user, String query, String extra) {
		return this.clients.rest(user).get().uri(uri(query, extra)).retrieve().body(JsonNode.class);
	}

	private static java.net.URI uri(String query, String extra) {
		return UriComponentsBuilder.fromPath("/api/search")
			.queryParam("q", "{q}")
			.query(extra.isEmpty() ? null : extra.substring(1))
			.encode()
			.buildAndExpand(Map.of("q", query))
			.toUri();
	}

	private static String uniqueWord() {
		return "w" + Long.toString(System.nanoTime(), 36);
	}

}
