package io.switchboard.channel;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read markers, unread and mention counts, read receipts and per-member notification
 * levels, through real clients.
 */
@ServerTest
class ReadStateIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void readMarkerMovesForwardOnlyAndChannelsCountUnreadMessagesAndMentions() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public", bob);
		long quiet = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "one"));
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "two for @" + alice.username()));
			long second = this.clients.lastSeq(alice, channelId);
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "three"));
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "mine do not count"));
			assertThat(counts(alice, channelId)).containsExactly(3L, 1L);
			assertThat(counts(alice, quiet)).containsExactly(0L, 0L);

			aliceClient.sendAndAwaitReceipt(read(channelId), Map.of("seq", second));
			assertThat(counts(alice, channelId)).containsExactly(1L, 0L);
			// Backwards changes nothing; beyond the channel's end stops at its end.
			aliceClient.sendAndAwaitReceipt(read(channelId), Map.of("seq", 1));
			assertThat(channel(alice, channelId).get("readSeq").asLong()).isEqualTo(second);
			JsonNode marker = this.clients.rest(alice)
				.post()
				.uri("/api/channels/{id}/read", channelId)
				.body(Map.of("seq", 1_000_000))
				.retrieve()
				.body(JsonNode.class);
			assertThat(marker.get("readSeq").asLong()).isEqualTo(this.clients.lastSeq(alice, channelId));
			assertThat(counts(alice, channelId)).containsExactly(0L, 0L);
			// A deleted message no longer counts.
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "@" + alice.username() + " oops"));
			assertThat(counts(alice, channelId)).containsExactly(1L, 1L);
			long oops = this.clients.messages(bob, channelId, "limit=1").at("/messages/0/id").asLong();
			this.clients.rest(bob).delete().uri("/api/messages/{id}", oops).retrieve().toBodilessEntity();
			assertThat(counts(alice, channelId)).containsExactly(0L, 0L);
		}
	}

	@Test
	void readReceiptsArePublishedInConversationsOnly() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long direct = this.clients.direct(alice, bob);
		long privateChannel = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox directEvents = bobClient.subscribe(topic(direct));
			Inbox privateEvents = bobClient.subscribe(topic(privateChannel));
			bobClient.sendAndAwaitReceipt(send(direct), Map.of("content", "seen it?"));
			long seq = directEvents.next().get("seq").asLong();
			aliceClient.sendAndAwaitReceipt(read(direct), Map.of("seq", seq));
			JsonNode receipt = directEvents.next();
			assertThat(receipt.get("type").asString()).isEqualTo("read.updated");
			assertThat(receipt.get("userId").asLong()).isEqualTo(alice.id());
			assertThat(receipt.get("readSeq").asLong()).isEqualTo(seq);
			assertThat(receipt.get("seq").asLong()).isEqualTo(seq + 1);
			// Bob's client reads alice's receipt: that passes no message, so it is no
			// receipt of its own, or the two would acknowledge each other forever.
			bobClient.sendAndAwaitReceipt(read(direct), Map.of("seq", seq + 1));
			bobClient.sendAndAwaitReceipt(send(direct), Map.of("content", "barrier"));
			assertThat(directEvents.next().get("type").asString()).isEqualTo("message.created");

			bobClient.sendAndAwaitReceipt(send(privateChannel), Map.of("content", "here too"));
			long privateSeq = privateEvents.next().get("seq").asLong();
			aliceClient.sendAndAwaitReceipt(read(privateChannel), Map.of("seq", privateSeq));
			bobClient.sendAndAwaitReceipt(send(privateChannel), Map.of("content", "barrier"));
			JsonNode next = privateEvents.next();
			assertThat(next.get("type").asString()).isEqualTo("message.created");
			assertThat(next.get("seq").asLong()).isEqualTo(privateSeq + 1);
		}
	}

	@Test
	void conversationMembersListEachOthersReadMarkers() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		TestUser stranger = this.clients.newUser();
		long group = this.clients.direct(alice, bob, carol);
		long privateChannel = this.clients.createChannel(alice, "private", bob);
		this.clients.rest(bob)
			.post()
			.uri("/api/channels/{id}/messages", group)
			.body(Map.of("content", "read me"))
			.retrieve()
			.toBodilessEntity();
		long seq = this.clients.lastSeq(alice, group);
		this.clients.rest(alice)
			.post()
			.uri("/api/channels/{id}/read", group)
			.body(Map.of("seq", seq))
			.retrieve()
			.toBodilessEntity();

		JsonNode markers = this.clients.get(bob, "/api/channels/" + group + "/read-markers");
		assertThat(markers).hasSize(2);
		assertThat(markers).anySatisfy((marker) -> {
			assertThat(marker.get("userId").asLong()).isEqualTo(alice.id());
			assertThat(marker.get("readSeq").asLong()).isEqualTo(seq);
		});
		assertThat(markers).anySatisfy((marker) -> {
			assertThat(marker.get("userId").asLong()).isEqualTo(carol.id());
			assertThat(marker.get("readSeq").asLong()).isZero();
		});
		assertThat(TestClients.status(this.clients.rest(stranger).get().uri("/api/channels/{id}/read-markers", group)))
			.isEqualTo(404);
		assertThat(
				TestClients.status(this.clients.rest(bob).get().uri("/api/channels/{id}/read-markers", privateChannel)))
			.isEqualTo(400);
	}

	@Test
	void notificationLevelsDecideWhoIsNotified() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		long group = this.clients.direct(alice, bob, carol);
		JsonNode preferred = this.clients.rest(bob)
			.put()
			.uri("/api/channels/{id}/preferences", group)
			.body(Map.of("notifications", "mentions", "muted", true))
			.retrieve()
			.body(JsonNode.class);
		assertThat(preferred.get("notifications").asString()).isEqualTo("mentions");
		assertThat(channel(bob, group).get("muted").asBoolean()).isTrue();
		this.clients.rest(carol)
			.put()
			.uri("/api/channels/{id}/preferences", group)
			.body(Map.of("notifications", "none", "muted", false))
			.retrieve()
			.toBodilessEntity();
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient bobClient = this.clients.connect(bob);
				StompClient carolClient = this.clients.connect(carol)) {
			Inbox bobs = bobClient.subscribe("/user/queue/notifications");
			Inbox carols = carolClient.subscribe("/user/queue/notifications");
			aliceClient.sendAndAwaitReceipt(send(group), Map.of("content", "lunch?"));
			aliceClient.sendAndAwaitReceipt(send(group),
					Map.of("content", "@" + bob.username() + " @" + carol.username() + " lunch!"));
			// Bob hears of the mention only; carol of nothing from this channel. The
			// barrier: a direct message to carol arrives, and nothing came before it.
			assertThat(bobs.next().get("body").asString()).contains("lunch!");
			aliceClient.sendAndAwaitReceipt(send(this.clients.direct(alice, carol)), Map.of("content", "barrier"));
			assertThat(carols.next().get("body").asString()).isEqualTo("barrier");
			assertThat(bobs.isEmpty()).isTrue();
		}
	}

	private List<Long> counts(TestUser user, long channelId) {
		JsonNode channel = channel(user, channelId);
		return List.of(channel.get("unreadCount").asLong(), channel.get("mentionCount").asLong());
	}

	private JsonNode channel(TestUser user, long channelId) {
		for (JsonNode channel : this.clients.get(user, "/api/channels")) {
			if (channel.get("id").asLong() == channelId) {
				return channel;
			}
		}
		throw new AssertionError("channel " + channelId + " is not among " + user.username() + "'s");
	}

	private static String topic(long channelId) {
		return "/topic/channel." + channelId;
	}

	private static String send(long channelId) {
		return "/app/channel." + channelId + ".send";
	}

	private static String read(long channelId) {
		return "/app/channel." + channelId + ".read";
	}

}
