package io.switchboard.message;

import java.util.List;
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
 * Edits, deletes, reactions and threads, as clients see them over real sockets and REST.
 */
@ServerTest
class MessageChangesIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void authorsEditTakesNewSeqAndKeepsThePreviousVersion() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox channel = bobClient.subscribe(topic(channelId));
			long messageId = post(bobClient, channelId, "helo", channel);
			bobClient.sendAndAwaitReceipt(action(channelId, "edit"),
					Map.of("messageId", messageId, "content", "hello"));
			JsonNode edited = channel.next();
			assertThat(edited.get("type").asString()).isEqualTo("message.edited");
			assertThat(edited.at("/message/content").asString()).isEqualTo("hello");
			assertThat(edited.at("/message/editedAt").isNull()).isFalse();
			assertThat(edited.at("/message/lastSeq").asLong()).isEqualTo(edited.get("seq").asLong());
			assertThat(edited.get("seq").asLong()).isEqualTo(edited.at("/message/seq").asLong() + 1);

			JsonNode history = this.clients.get(bob, "/api/messages/" + messageId + "/history");
			assertThat(history.get("versions")).extracting((version) -> version.get("content").asString())
				.containsExactly("helo", "hello");
			// The channel's admin reads it too; another member does not.
			assertThat(this.clients.get(alice, "/api/messages/" + messageId + "/history").get("versions")).hasSize(2);
			TestUser carol = this.clients.newUser();
			this.clients.rest(alice)
				.post()
				.uri("/api/channels/{id}/members", channelId)
				.body(Map.of("userId", carol.id()))
				.retrieve()
				.toBodilessEntity();
			assertThat(status(this.clients.rest(carol).get().uri("/api/messages/" + messageId + "/history")))
				.isEqualTo(403);
		}
	}

	@Test
	void nobodyButTheAuthorEditsAndARefusedEditChangesNothing() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox channel = bobClient.subscribe(topic(channelId));
			Inbox errors = aliceClient.subscribe("/user/queue/errors");
			long messageId = post(bobClient, channelId, "mine", channel);
			// Even the channel's admin does not put words in a member's mouth.
			aliceClient.send(action(channelId, "edit"), Map.of("messageId", messageId, "content", "yours"));
			JsonNode error = errors.next();
			assertThat(error.get("code").asString()).isEqualTo("forbidden");
			post(bobClient, channelId, "barrier", channel);
			assertThat(this.clients.get(bob, "/api/messages/" + messageId).get("content").asString()).isEqualTo("mine");
			// An id of another channel's message is one this channel does not have.
			long otherChannel = this.clients.createChannel(alice, "private");
			aliceClient.send(action(otherChannel, "edit"), Map.of("messageId", messageId, "content", "x"));
			assertThat(errors.next().get("code").asString()).isEqualTo("not_found");
			// Over REST as well.
			assertThat(status(this.clients.rest(alice)
				.patch()
				.uri("/api/messages/" + messageId)
				.body(Map.of("content", "yours")))).isEqualTo(403);
			TestUser stranger = this.clients.newUser();
			assertThat(status(this.clients.rest(stranger)
				.patch()
				.uri("/api/messages/" + messageId)
				.body(Map.of("content", "yours")))).isEqualTo(404);
		}
	}

	@Test
	void deleteBlanksTheMessageEverywhereButKeepsItForModerators() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox channel = aliceClient.subscribe(topic(channelId));
			Inbox notifications = aliceClient.subscribe("/user/queue/notifications");
			long root = post(bobClient, channelId, "a thread", channel);
			long messageId = post(bobClient, channelId,
					Map.of("content", "secret for @" + alice.username(), "replyToId", root), channel);
			assertThat(notifications.next().get("body").asString()).contains("secret");
			// The channel's admin moderates it.
			aliceClient.sendAndAwaitReceipt(action(channelId, "delete"), Map.of("messageId", messageId));
			JsonNode deleted = channel.next();
			assertThat(deleted.get("type").asString()).isEqualTo("message.deleted");
			assertThat(deleted.at("/message/deleted").asBoolean()).isTrue();
			assertThat(deleted.at("/message/content").asString()).isEmpty();
			assertThat(deleted.at("/message/mentions")).isEmpty();

			assertThat(this.clients.get(bob, "/api/messages/" + messageId).get("content").asString()).isEmpty();
			JsonNode page = this.clients.messages(bob, channelId, "limit=10");
			assertThat(page.get("messages"))
				.allSatisfy((message) -> assertThat(message.get("content").asString()).doesNotContain("secret"));
			JsonNode thread = this.clients.get(bob, "/api/messages/" + root + "/replies");
			assertThat(thread.at("/messages/0/content").asString()).isEmpty();
			JsonNode inbox = this.clients.get(alice, "/api/notifications");
			assertThat(inbox.toString()).doesNotContain("secret");

			JsonNode history = this.clients.get(alice, "/api/messages/" + messageId + "/history");
			assertThat(history.get("deleted").asBoolean()).isTrue();
			assertThat(history.at("/versions/0/content").asString()).isEqualTo("secret for @" + alice.username());
		}
	}

	@Test
	void onlyTheAuthorModeratorsAndAdminsDelete() {
		TestUser owner = this.clients.newUser();
		TestUser author = this.clients.newUser();
		TestUser member = this.clients.newUser();
		TestUser admin = this.clients.newUser(Role.ADMIN);
		long channelId = this.clients.createChannel(owner, "public", author, member);
		try (StompClient authorClient = this.clients.connect(author);
				StompClient memberClient = this.clients.connect(member)) {
			Inbox channel = authorClient.subscribe(topic(channelId));
			Inbox errors = memberClient.subscribe("/user/queue/errors");
			long first = post(authorClient, channelId, "one", channel);
			long second = post(authorClient, channelId, "two", channel);
			memberClient.send(action(channelId, "delete"), Map.of("messageId", first));
			assertThat(errors.next().get("code").asString()).isEqualTo("forbidden");
			authorClient.sendAndAwaitReceipt(action(channelId, "delete"), Map.of("messageId", first));
			assertThat(channel.next().at("/message/id").asLong()).isEqualTo(first);
			// An ADMIN of the workspace who is not a member of the channel, over REST.
			assertThat(status(this.clients.rest(admin).delete().uri("/api/messages/" + second))).isEqualTo(200);
			assertThat(channel.next().at("/message/id").asLong()).isEqualTo(second);
		}
	}

	@Test
	void reactionsAreOnePerUserAndEmojiWithCountsAndUserIds() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox channel = aliceClient.subscribe(topic(channelId));
			long messageId = post(aliceClient, channelId, "react to me", channel);
			react(aliceClient, channelId, messageId, "👍", true);
			react(bobClient, channelId, messageId, "👍", true);
			react(bobClient, channelId, messageId, "👍", true);
			react(bobClient, channelId, messageId, ":party_parrot:", true);
			List<JsonNode> events = channel.next(3);
			assertThat(events).extracting((event) -> event.get("type").asString()).containsOnly("reaction.changed");
			JsonNode reactions = events.get(2).at("/message/reactions");
			assertThat(reactions.get(0).get("emoji").asString()).isEqualTo("👍");
			assertThat(reactions.get(0).get("count").asInt()).isEqualTo(2);
			assertThat(reactions.get(0).get("userIds")).extracting(JsonNode::asLong)
				.containsExactly(alice.id(), bob.id());
			assertThat(reactions.get(1).get("emoji").asString()).isEqualTo(":party_parrot:");
			react(aliceClient, channelId, messageId, "👍", false);
			JsonNode live = channel.next().at("/message/reactions");
			assertThat(live.at("/0/count").asInt()).isEqualTo(1);
			assertThat(live.at("/0/userIds")).extracting(JsonNode::asLong).containsExactly(bob.id());
			// The same reactions in every read.
			assertThat(this.clients.get(alice, "/api/messages/" + messageId).get("reactions")).isEqualTo(live);
		}
	}

	@Test
	void reactionsRefuseBadEmojiAndATwentyFirstKind() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe(topic(channelId));
			Inbox errors = client.subscribe("/user/queue/errors");
			long messageId = post(client, channelId, "lots", channel);
			for (String bad : List.of("", "ab", " ", ":Upper:", ":" + "x".repeat(33) + ":", "\u0000")) {
				client.send(action(channelId, "react"), Map.of("messageId", messageId, "emoji", bad, "add", true));
				assertThat(errors.next().get("code").asString()).as(bad).isEqualTo("bad_request");
			}
			for (int i = 0; i < 20; i++) {
				react(client, channelId, messageId, ":e" + i + ":", true);
			}
			client.send(action(channelId, "react"), Map.of("messageId", messageId, "emoji", "👍", "add", true));
			assertThat(errors.next().get("code").asString()).isEqualTo("conflict");
			// One of the twenty again is no new kind.
			react(client, channelId, messageId, ":e0:", false);
			react(client, channelId, messageId, "👨‍👩‍👧", true);
			assertThat(this.clients.get(alice, "/api/messages/" + messageId).get("reactions")).hasSize(20);
		}
	}

	@Test
	void threadRepliesArePagedOldestFirstAndTheRootCountsThem() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long otherChannel = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe(topic(channelId));
			Inbox errors = client.subscribe("/user/queue/errors");
			long root = post(client, channelId, "root", channel);
			for (int i = 0; i < 5; i++) {
				post(client, channelId, Map.of("content", "reply " + i, "replyToId", root), channel);
			}
			JsonNode first = this.clients.get(alice, "/api/messages/" + root + "/replies?limit=3");
			assertThat(first.at("/root/threadReplyCount").asInt()).isEqualTo(5);
			assertThat(first.get("messages")).extracting((reply) -> reply.get("content").asString())
				.containsExactly("reply 0", "reply 1", "reply 2");
			assertThat(first.get("hasMore").asBoolean()).isTrue();
			long after = first.at("/messages/2/seq").asLong();
			JsonNode second = this.clients.get(alice, "/api/messages/" + root + "/replies?limit=3&after=" + after);
			assertThat(second.get("messages")).extracting((reply) -> reply.get("content").asString())
				.containsExactly("reply 3", "reply 4");
			assertThat(second.get("hasMore").asBoolean()).isFalse();
			assertThat(this.clients.get(alice, "/api/messages/" + root).get("threadReplyCount").asInt()).isEqualTo(5);
			// A reply to a message of another channel is to a message that channel lacks.
			client.send(action(otherChannel, "send"), Map.of("content", "x", "replyToId", root));
			assertThat(errors.next().get("code").asString()).isEqualTo("not_found");
		}
	}

	@Test
	void recoveryNeverEndsAPageBetweenAReplyAndItsThreadsFirstMessage() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long base = this.clients.lastSeq(alice, channelId);
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe(topic(channelId));
			long root = post(client, channelId, "root", channel);
			long reply = post(client, channelId, Map.of("content", "reply", "replyToId", root), channel);
			// Both now have the reply's lastSeq: a one-message page takes both.
			JsonNode page = this.clients.messages(alice, channelId, "sinceSeq=" + base + "&limit=1");
			assertThat(page.get("messages")).extracting((message) -> message.get("id").asLong())
				.containsExactly(root, reply);
			assertThat(page.get("hasMore").asBoolean()).isFalse();
		}
	}

	private static void react(StompClient client, long channelId, long messageId, String emoji, boolean add) {
		client.sendAndAwaitReceipt(action(channelId, "react"),
				Map.of("messageId", messageId, "emoji", emoji, "add", add));
	}

	static long post(StompClient client, long channelId, String content, Inbox channel) {
		return post(client, channelId, Map.of("content", content), channel);
	}

	/**
	 * Posts and returns the new message's id, read from its event on the channel.
	 */
	static long post(StompClient client, long channelId, Map<String, Object> payload, Inbox channel) {
		client.sendAndAwaitReceipt(action(channelId, "send"), payload);
		JsonNode created = channel.next();
		assertThat(created.get("type").asString()).isEqualTo("message.created");
		return created.at("/message/id").asLong();
	}

	static String topic(long channelId) {
		return "/topic/channel." + channelId;
	}

	static String action(long channelId, String action) {
		return "/app/channel." + channelId + "." + action;
	}

}
