package io.switchboard.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.switchboard.message.MessageChangesIntegrationTests.action;
import static io.switchboard.message.MessageChangesIntegrationTests.post;
import static io.switchboard.message.MessageChangesIntegrationTests.topic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that missed part of a channel's live stream converges, with {@code sinceSeq},
 * to exactly what a fresh read shows: created, replied to, edited, reacted to and deleted
 * messages alike.
 */
@ServerTest
class ConvergenceIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void aClientThatMissedEventsConvergesToAFreshRead() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		TestUser dave = this.clients.newUser();
		long channelId = this.clients.direct(alice, bob, carol, dave);
		long base = this.clients.lastSeq(alice, channelId);
		List<JsonNode> stream;
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient bobClient = this.clients.connect(bob);
				StompClient carolClient = this.clients.connect(carol);
				StompClient daveClient = this.clients.connect(dave)) {
			Inbox recorded = daveClient.subscribe(topic(channelId));
			Inbox aliceView = aliceClient.subscribe(topic(channelId));
			long hello = post(aliceClient, channelId, "hello all", aliceView);
			long question = post(bobClient, channelId, "lunch?", aliceView);
			post(carolClient, channelId, Map.of("content", "yes", "replyToId", question), aliceView);
			post(aliceClient, channelId, Map.of("content", "me too", "replyToId", question), aliceView);
			carolClient.sendAndAwaitReceipt(action(channelId, "react"),
					Map.of("messageId", hello, "emoji", "👋", "add", true));
			aliceView.next();
			bobClient.sendAndAwaitReceipt(action(channelId, "react"),
					Map.of("messageId", hello, "emoji", "👋", "add", true));
			aliceView.next();
			bobClient.sendAndAwaitReceipt(action(channelId, "edit"),
					Map.of("messageId", question, "content", "lunch at noon?"));
			aliceView.next();
			long typo = post(carolClient, channelId, "oops wrong chat", aliceView);
			carolClient.sendAndAwaitReceipt(action(channelId, "delete"), Map.of("messageId", typo));
			aliceView.next();
			carolClient.sendAndAwaitReceipt(action(channelId, "react"),
					Map.of("messageId", hello, "emoji", "👋", "add", false));
			aliceView.next();
			post(bobClient, channelId, "see you", aliceView);
			long last = this.clients.lastSeq(alice, channelId);
			stream = recorded.next((int) (last - base));
		}

		// Applies the first three events, misses the next four, and sees the gap at the
		// one after.
		Replica replica = new Replica(base);
		for (int i = 0; i < stream.size(); i++) {
			if (i >= 3 && i < 7) {
				continue;
			}
			if (!replica.apply(stream.get(i))) {
				replica.recover(dave, channelId);
			}
		}
		assertThat(replica.messages).isEqualTo(freshRead(dave, channelId));
		assertThat(replica.messages.values()).extracting((message) -> message.get("content").asString())
			.containsExactly("hello all", "lunch at noon?", "yes", "me too", "", "see you");

		// Offline for the whole conversation: recovery alone converges as well.
		Replica offline = new Replica(base);
		offline.recover(dave, channelId);
		assertThat(offline.messages).isEqualTo(freshRead(dave, channelId));
	}

	private Map<Long, JsonNode> freshRead(TestUser reader, long channelId) {
		return new Replica(0).recover(reader, channelId).messages;
	}

	/**
	 * What a client keeps of a channel: each message as the latest event or read showed
	 * it, and the last {@code seq} applied.
	 */
	private final class Replica {

		final Map<Long, JsonNode> messages = new TreeMap<>();

		long applied;

		Replica(long applied) {
			this.applied = applied;
		}

		/**
		 * @return false if events are missing before this one
		 */
		boolean apply(JsonNode event) {
			long seq = event.get("seq").asLong();
			if (seq <= this.applied) {
				return true;
			}
			if (seq > this.applied + 1) {
				return false;
			}
			JsonNode message = event.get("message");
			if (message != null) {
				this.messages.put(message.get("id").asLong(), message);
				// A reply changes its thread's first message too, as PROTOCOL.md says.
				if (event.get("type").asString().equals("message.created") && !message.get("replyToId").isNull()) {
					ObjectNode parent = (ObjectNode) this.messages.get(message.get("replyToId").asLong()).deepCopy();
					parent.put("threadReplyCount", parent.get("threadReplyCount").asInt() + 1);
					parent.put("lastSeq", seq);
					this.messages.put(parent.get("id").asLong(), parent);
				}
			}
			this.applied = seq;
			return true;
		}

		/**
		 * Pages through {@code sinceSeq} recovery, two messages at a time.
		 */
		Replica recover(TestUser reader, long channelId) {
			List<JsonNode> pages = new ArrayList<>();
			long since = this.applied;
			JsonNode page;
			do {
				page = ConvergenceIntegrationTests.this.clients.messages(reader, channelId,
						"sinceSeq=" + since + "&limit=2");
				pages.add(page);
				for (JsonNode message : page.get("messages")) {
					this.messages.put(message.get("id").asLong(), message);
					since = message.get("lastSeq").asLong();
				}
			}
			while (page.get("hasMore").asBoolean());
			this.applied = pages.get(0).get("seq").asLong();
			return this;
		}

	}

}
