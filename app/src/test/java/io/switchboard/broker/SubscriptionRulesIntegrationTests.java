package io.switchboard.broker;

import java.util.ArrayList;
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
 * Subscriptions are the server's: only the headers the contract names count, only the
 * destinations it lists exist, a session holds a bounded number, and a subscription ends
 * when its user's access does (PROTOCOL.md section 2).
 */
@ServerTest
class SubscriptionRulesIntegrationTests {

	@Autowired
	TestClients clients;

	@Autowired
	EmbeddedBroker broker;

	@Test
	void leavingAPrivateChannelEndsTheOpenSubscription() {
		TestUser owner = this.clients.newUser();
		TestUser alice = this.clients.newUser();
		long privateChannel = this.clients.createChannel(owner, "private", alice);
		long barrierChannel = this.clients.createChannel(owner, "public");
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient ownerClient = this.clients.connect(owner)) {
			Inbox errors = aliceClient.subscribe("/user/queue/errors");
			Inbox channel = aliceClient.subscribe("/topic/channel." + privateChannel);
			Inbox barrier = aliceClient.subscribe("/topic/channel." + barrierChannel);
			this.clients.rest(alice)
				.post()
				.uri("/api/channels/{id}/leave", privateChannel)
				.retrieve()
				.toBodilessEntity();
			JsonNode ended = errors.next();
			assertThat(ended.get("code").asString()).isEqualTo("forbidden");
			assertThat(ended.get("message").asString()).startsWith("subscription ended:");
			assertThat(ended.get("destination").asString()).isEqualTo("/topic/channel." + privateChannel);
			assertThat(channel.next().get("type").asString()).as("her own leaving, before it ended")
				.isEqualTo("member.left");
			ownerClient.sendAndAwaitReceipt("/app/channel." + privateChannel + ".send", Map.of("content", "secret"));
			ownerClient.sendAndAwaitReceipt("/app/channel." + barrierChannel + ".send", Map.of("content", "barrier"));
			assertThat(barrier.next().at("/message/content").asString()).isEqualTo("barrier");
			assertThat(channel.isEmpty()).isTrue();
		}
	}

	@Test
	void durableSubscriptionHeadersCannotCarryAChannelPastLeavingIt() {
		TestUser owner = this.clients.newUser();
		TestUser alice = this.clients.newUser();
		long privateChannel = this.clients.createChannel(owner, "private", alice);
		long barrierChannel = this.clients.createChannel(owner, "public");
		Map<String, String> durable = Map.of("durable-subscription-name", "keep-" + alice.id(), "subscription-type",
				"MULTICAST");
		Map<String, String> clientId = Map.of("client-id", "client-" + alice.id());
		try (StompClient first = this.clients.connect(alice, clientId)) {
			first.subscribe("/topic/channel." + privateChannel, durable);
		}
		this.clients.rest(alice).post().uri("/api/channels/{id}/leave", privateChannel).retrieve().toBodilessEntity();
		try (StompClient again = this.clients.connect(alice, clientId);
				StompClient ownerClient = this.clients.connect(owner)) {
			Inbox notifications = again.subscribe("/user/queue/notifications", durable);
			Inbox barrier = again.subscribe("/topic/channel." + barrierChannel);
			ownerClient.sendAndAwaitReceipt("/app/channel." + privateChannel + ".send", Map.of("content", "secret"));
			ownerClient.sendAndAwaitReceipt("/app/channel." + barrierChannel + ".send", Map.of("content", "barrier"));
			assertThat(barrier.next().at("/message/content").asString()).isEqualTo("barrier");
			assertThat(notifications.isEmpty()).isTrue();
			assertThat(this.broker.queueNames())
				.noneMatch((name) -> name.contains("keep-") || name.contains("client-"));
		}
	}

	@Test
	void destinationsOutsideTheContractAreRefusedAndNeverReachTheBroker() {
		TestUser alice = this.clients.newUser();
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			for (String destination : new String[] { "/topic/presence.#", "/topic/presence.>", "/topic/presence.*",
					"/topic/presence.alice", "/topic/presence.1.2", "/topic/channel.007", "/topic/channel.-1",
					"/queue/anything", "/topic/switchboard.control", "/user/queue/other" }) {
				StompClient.PendingSubscription refused = client.trySubscribe(destination);
				JsonNode error = errors.next();
				assertThat(error.get("code").asString()).as(destination).isEqualTo("forbidden");
				assertThat(error.get("destination").asString()).isEqualTo(destination);
				assertThat(refused.confirmed()).isNotDone();
			}
			assertThat(this.broker.queueNames()).noneMatch((name) -> name.contains("#") || name.contains(">")
					|| name.contains("*") || name.contains("alice") || name.contains("anything"));
		}
	}

	@Test
	void aSessionHoldsAtMostAThousandSubscriptionsAndIdsAreItsOwn() {
		TestUser alice = this.clients.newUser();
		// More users than presence has shared broker queues; presence is visible only of
		// users who exist, in one's own workspace.
		List<TestUser> others = new ArrayList<>();
		for (int i = 0; i < Destination.SHARED_CARRIERS + 6; i++) {
			others.add(this.clients.newUser());
		}
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.subscribe("/user/queue/notifications");
			for (int i = 0; i < 998; i++) {
				client.subscribe("/topic/presence." + others.get(i % others.size()).id(), Map.of("id", "p" + i));
			}
			client.trySubscribe("/topic/announcements");
			JsonNode tooMany = errors.next();
			assertThat(tooMany.get("code").asString()).isEqualTo("forbidden");
			assertThat(tooMany.get("message").asString()).contains("at most 1000 subscriptions");
			assertThat(this.broker.queueNames().stream().filter((name) -> name.contains(".shared.presence.")))
				.as("70 users' presence shares a bounded set of broker queues")
				.hasSizeLessThanOrEqualTo(Destination.SHARED_CARRIERS);
		}
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.subscribe("/topic/announcements", Map.of("id", "mine"));
			client.trySubscribe("/topic/presence." + others.get(0).id(), Map.of("id", "mine"));
			JsonNode duplicate = errors.next();
			assertThat(duplicate.get("code").asString()).isEqualTo("bad_request");
			assertThat(duplicate.get("message").asString()).contains("already in use");
		}
	}

	/**
	 * Users' queues share broker addresses (one for every 64th user): each node sorts
	 * what arrives by user, so no one receives a neighbour's notifications.
	 */
	@Test
	void notificationsReachOnlyTheirUserThoughUsersShareABrokerAddress() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		while (Math.floorMod(carol.id() - bob.id(), Destination.SHARED_CARRIERS) != 0) {
			carol = this.clients.newUser();
		}
		long channelId = this.clients.createChannel(alice, "public", bob, carol);
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient bobClient = this.clients.connect(bob);
				StompClient carolClient = this.clients.connect(carol)) {
			Inbox bobNotifications = bobClient.subscribe("/user/queue/notifications");
			Inbox carolNotifications = carolClient.subscribe("/user/queue/notifications");
			aliceClient.sendAndAwaitReceipt("/app/channel." + channelId + ".send",
					Map.of("content", "for you, @" + bob.username()));
			aliceClient.sendAndAwaitReceipt("/app/channel." + channelId + ".send",
					Map.of("content", "and you, @" + carol.username()));
			assertThat(carolNotifications.next().get("body").asString()).contains("@" + carol.username());
			assertThat(bobNotifications.next().get("body").asString()).contains("@" + bob.username());
			assertThat(carolNotifications.isEmpty()).isTrue();
		}
	}

}
