package io.switchboard.message;

import java.time.Duration;
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

import static io.switchboard.test.TestClients.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @channel} and {@code @here}, and blocking, as the people notified (or not) see
 * it.
 */
@ServerTest
class BroadcastsAndBlocksIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void channelFromAnAdminNotifiesEveryMemberOnceAsTheirLevelAllows() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		TestUser dave = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public", bob, carol, dave);
		this.clients.rest(dave)
			.put()
			.uri("/api/channels/{id}/preferences", channelId)
			.body(Map.of("notifications", "none", "muted", false))
			.retrieve()
			.toBodilessEntity();
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox bobs = bobClient.subscribe("/user/queue/notifications");
			aliceClient.sendAndAwaitReceipt(send(channelId),
					Map.of("content", "@channel lunch, @" + bob.username() + " too"));
			JsonNode first = bobs.next();
			assertThat(first.get("kind").asString()).isEqualTo("mention");
			aliceClient.sendAndAwaitReceipt(send(this.clients.direct(alice, bob)), Map.of("content", "barrier"));
			assertThat(bobs.next().get("body").asString()).as("no second notification for the same message")
				.isEqualTo("barrier");
		}
		assertThat(inbox(carol)).hasSize(1);
		assertThat(inbox(dave)).isEmpty();
		assertThat(channel(carol, channelId).get("mentionCount").asLong()).isEqualTo(1);
	}

	@Test
	void channelAndHereFromAPlainMemberArePlainText() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public", bob, carol);
		try (StompClient bobClient = this.clients.connect(bob); StompClient aliceClient = this.clients.connect(alice)) {
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "@channel @here look at me"));
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "@" + carol.username() + " barrier"));
		}
		assertThat(inbox(carol)).extracting((notification) -> notification.get("body").asString())
			.containsExactly("@" + carol.username() + " barrier");
		assertThat(channel(carol, channelId).get("mentionCount").asLong()).isEqualTo(1);
	}

	@Test
	void hereNotifiesOnlyMembersWhoAreOnline() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public", bob, carol);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox bobs = bobClient.subscribe("/user/queue/notifications");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.clients.get(alice, "/api/presence?userIds=" + bob.id())
					.at("/0/status")
					.asString()
					.equals("online"));
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "@here standup"));
			assertThat(bobs.next().get("body").asString()).isEqualTo("@here standup");
		}
		assertThat(inbox(carol)).isEmpty();
	}

	@Test
	void aBlockedUserCannotDirectMessageOrNotifyTheBlocker() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		long direct = this.clients.direct(alice, bob);
		long group = this.clients.direct(alice, bob, carol);
		assertThat(status(this.clients.rest(bob).post().uri("/api/users/{id}/block", alice.id()))).isEqualTo(204);
		assertThat(status(this.clients.rest(carol).post().uri("/api/users/{id}/block", alice.id()))).isEqualTo(204);
		assertThat(this.clients.get(bob, "/api/me/blocks")).extracting((user) -> user.get("id").asLong())
			.containsExactly(alice.id());
		assertThat(
				status(this.clients.rest(alice).post().uri("/api/direct").body(Map.of("userIds", List.of(carol.id())))))
			.as("a new direct channel")
			.isEqualTo(403);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox errors = aliceClient.subscribe("/user/queue/errors");
			Inbox bobs = bobClient.subscribe("/user/queue/notifications");
			Inbox groupEvents = bobClient.subscribe("/topic/channel." + group);
			aliceClient.send(send(direct), Map.of("content", "hello?"));
			assertThat(errors.next().get("code").asString()).isEqualTo("forbidden");
			// In the group bob reads alice, but is not notified of her messages.
			aliceClient.sendAndAwaitReceipt(send(group), Map.of("content", "@" + bob.username() + " hi"));
			assertThat(groupEvents.next().at("/message/content").asString()).isEqualTo("@" + bob.username() + " hi");
			this.clients.rest(carol)
				.post()
				.uri("/api/channels/{id}/messages", group)
				.body(Map.of("content", "barrier"))
				.retrieve()
				.toBodilessEntity();
			assertThat(bobs.next().get("body").asString()).isEqualTo("barrier");
		}
		assertThat(status(this.clients.rest(bob).delete().uri("/api/users/{id}/block", alice.id()))).isEqualTo(204);
		try (StompClient aliceClient = this.clients.connect(alice)) {
			aliceClient.sendAndAwaitReceipt(send(direct), Map.of("content", "hello again"));
		}
	}

	@Test
	void erasureTakesTheAccountsBlocksWithIt() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		this.clients.rest(bob).post().uri("/api/users/{id}/block", alice.id()).retrieve().toBodilessEntity();
		this.clients.rest(alice).post().uri("/api/users/{id}/block", bob.id()).retrieve().toBodilessEntity();
		this.clients.rest(alice).delete().uri("/api/me").retrieve().toBodilessEntity();
		assertThat(this.clients.get(bob, "/api/me/blocks")).isEmpty();
	}

	private JsonNode inbox(TestUser user) {
		return this.clients.get(user, "/api/notifications").get("notifications");
	}

	private JsonNode channel(TestUser user, long channelId) {
		return this.clients.get(user, "/api/channels/" + channelId);
	}

	private static String send(long channelId) {
		return "/app/channel." + channelId + ".send";
	}

}
