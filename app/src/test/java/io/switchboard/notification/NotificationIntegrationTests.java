package io.switchboard.notification;

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
 * Mentions and direct messages notify their recipients, live on every open session and
 * stored for later.
 */
@ServerTest
class NotificationIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void mentionReachesTheMentionedUserLiveOnEverySession() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient bobTab1 = this.clients.connect(bob);
				StompClient bobTab2 = this.clients.connect(bob);
				StompClient aliceClient = this.clients.connect(alice)) {
			Inbox first = bobTab1.subscribe("/user/queue/notifications");
			Inbox second = bobTab2.subscribe("/user/queue/notifications");
			Inbox aliceOwn = aliceClient.subscribe("/user/queue/notifications");
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "hi @" + bob.username() + "!"));
			for (Inbox inbox : new Inbox[] { first, second }) {
				JsonNode notification = inbox.next();
				assertThat(notification.get("type").asString()).isEqualTo("notification");
				assertThat(notification.get("kind").asString()).isEqualTo("mention");
				assertThat(notification.at("/data/channelId").asLong()).isEqualTo(channelId);
				assertThat(notification.get("body").asString()).isEqualTo("hi @" + bob.username() + "!");
				assertThat(notification.get("readAt").isNull()).isTrue();
			}
			JsonNode message = this.clients.messages(alice, channelId, "limit=1").get("messages").get(0);
			assertThat(message.get("mentions").get(0).asLong()).isEqualTo(bob.id());
			assertThat(aliceOwn.isEmpty()).isTrue();
		}
	}

	@Test
	void mentionOfOfflineUserIsStoredForLater() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice)) {
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "@" + bob.username() + " see this"));
		}
		JsonNode page = this.clients.rest(bob)
			.get()
			.uri("/api/notifications?unreadOnly=true")
			.retrieve()
			.body(JsonNode.class);
		assertThat(page.get("unreadCount").asLong()).isEqualTo(1);
		assertThat(this.clients.get(bob, "/api/me").get("unreadNotifications").asLong()).isEqualTo(1);
		JsonNode notification = page.get("notifications").get(0);
		assertThat(notification.get("kind").asString()).isEqualTo("mention");
		long id = notification.get("id").asLong();
		this.clients.rest(bob).post().uri("/api/notifications/{id}/read", id).retrieve().toBodilessEntity();
		JsonNode after = this.clients.rest(bob)
			.get()
			.uri("/api/notifications?unreadOnly=true")
			.retrieve()
			.body(JsonNode.class);
		assertThat(after.get("notifications")).isEmpty();
		assertThat(after.get("unreadCount").asLong()).isZero();
		assertThat(this.clients.get(bob, "/api/me").get("unreadNotifications").asLong()).isZero();
		JsonNode all = this.clients.rest(bob).get().uri("/api/notifications").retrieve().body(JsonNode.class);
		assertThat(all.get("notifications").get(0).get("readAt").isNull()).isFalse();
	}

	@Test
	void directMessageNotifiesTheOtherPerson() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.rest(alice)
			.post()
			.uri("/api/direct")
			.body(Map.of("userIds", new long[] { bob.id() }))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
		try (StompClient bobClient = this.clients.connect(bob); StompClient aliceClient = this.clients.connect(alice)) {
			Inbox notifications = bobClient.subscribe("/user/queue/notifications");
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "psst"));
			JsonNode notification = notifications.next();
			assertThat(notification.get("kind").asString()).isEqualTo("direct_message");
			assertThat(notification.at("/data/channelId").asLong()).isEqualTo(channelId);
		}
		this.clients.rest(bob).post().uri("/api/notifications/read-all").retrieve().toBodilessEntity();
		JsonNode page = this.clients.rest(bob)
			.get()
			.uri("/api/notifications?unreadOnly=true")
			.retrieve()
			.body(JsonNode.class);
		assertThat(page.get("unreadCount").asLong()).isZero();
	}

	@Test
	void aKindSwitchedOffIsStoredButNotDeliveredLive() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		JsonNode preferences = this.clients.rest(bob)
			.put()
			.uri("/api/me/notification-preferences")
			.body(Map.of("mention", false))
			.retrieve()
			.body(JsonNode.class);
		assertThat(preferences.get("mention").asBoolean()).isFalse();
		assertThat(preferences.get("direct_message").asBoolean()).isTrue();
		assertThat(this.clients.get(bob, "/api/me/notification-preferences").get("mention").asBoolean()).isFalse();
		assertThat(TestClients.status(
				this.clients.rest(bob).put().uri("/api/me/notification-preferences").body(Map.of("nonsense", true))))
			.isEqualTo(400);
		assertThat(TestClients
			.status(this.clients.rest(bob).put().uri("/api/me/notification-preferences").body(Map.of("system", "no"))))
			.isEqualTo(400);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox live = bobClient.subscribe("/user/queue/notifications");
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "@" + bob.username() + " quiet"));
			aliceClient.sendAndAwaitReceipt(send(this.clients.direct(alice, bob)), Map.of("content", "barrier"));
			assertThat(live.next().get("kind").asString()).isEqualTo("direct_message");
		}
		JsonNode inbox = this.clients.get(bob, "/api/notifications").get("notifications");
		assertThat(inbox).extracting((notification) -> notification.get("kind").asString())
			.containsExactly("direct_message", "mention");
	}

	private static String send(long channelId) {
		return "/app/channel." + channelId + ".send";
	}

}
