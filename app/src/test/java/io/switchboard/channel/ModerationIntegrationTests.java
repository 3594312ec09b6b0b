package io.switchboard.channel;

import java.time.Instant;
import java.util.ArrayList;
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
import org.springframework.web.client.RestClient;

import static io.switchboard.test.TestClients.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles, kicks, mutes, bans, support channels and the audit log, as members and
 * moderators see them over real sockets.
 */
@ServerTest
class ModerationIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void aMutedMemberReadsButCannotPostUntilUnmuted() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox bobsChannel = bobClient.subscribe(topic(channelId));
			Inbox errors = bobClient.subscribe("/user/queue/errors");
			assertThat(status(rest(alice).post()
				.uri("/api/channels/{id}/mutes", channelId)
				.body(Map.of("userId", bob.id(), "until", Instant.now().minusSeconds(1).toString()))))
				.as("an end in the past")
				.isEqualTo(400);
			assertThat(status(rest(alice).post()
				.uri("/api/channels/{id}/mutes", channelId)
				.body(Map.of("userId", bob.id(), "reason", "cool off")))).isEqualTo(204);
			bobClient.send(send(channelId), Map.of("content", "let me speak"));
			JsonNode refused = errors.next();
			assertThat(refused.get("code").asString()).isEqualTo("forbidden");
			assertThat(refused.get("message").asString()).contains("muted");
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "bob still reads this"));
			assertThat(bobsChannel.next().at("/message/content").asString()).isEqualTo("bob still reads this");
			assertThat(this.clients.get(alice, "/api/channels/" + channelId + "/mutes"))
				.extracting((mute) -> mute.at("/user/id").asLong())
				.containsExactly(bob.id());

			assertThat(status(rest(alice).delete().uri("/api/channels/{id}/mutes/{user}", channelId, bob.id())))
				.isEqualTo(204);
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "thanks"));
			assertThat(bobsChannel.next().at("/message/content").asString()).isEqualTo("thanks");
		}
	}

	@Test
	void aKickedMemberStopsReceivingAtOnceAndMayJoinAPublicChannelAgain() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public", bob);
		long other = this.clients.createChannel(alice, "public", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox alicesChannel = aliceClient.subscribe(topic(channelId));
			Inbox errors = bobClient.subscribe("/user/queue/errors");
			Inbox bobsChannel = bobClient.subscribe(topic(channelId));
			Inbox bobsOther = bobClient.subscribe(topic(other));
			assertThat(status(
					rest(alice).delete().uri("/api/channels/{id}/members/{user}?reason=spam", channelId, bob.id())))
				.isEqualTo(204);
			JsonNode left = alicesChannel.next();
			assertThat(left.get("type").asString()).isEqualTo("member.left");
			assertThat(left.get("reason").asString()).isEqualTo("kicked");
			assertThat(left.at("/member/userId").asLong()).isEqualTo(bob.id());
			JsonNode ended = errors.next();
			assertThat(ended.get("message").asString()).startsWith("subscription ended:");
			assertThat(ended.get("destination").asString()).isEqualTo(topic(channelId));
			// Whether the kick's own event reaches bob before his subscription ends
			// depends on which broker address a node hears first; nothing after it
			// does. The barrier: a message in the other channel arrives.
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "without bob"));
			aliceClient.sendAndAwaitReceipt(send(other), Map.of("content", "barrier"));
			assertThat(bobsOther.next().at("/message/content").asString()).isEqualTo("barrier");
			List<String> bobSaw = new ArrayList<>();
			while (!bobsChannel.isEmpty()) {
				bobSaw.add(bobsChannel.next().get("type").asString());
			}
			assertThat(bobSaw).isSubsetOf("member.left").hasSizeLessThanOrEqualTo(1);
		}
		assertThat(status(rest(bob).post().uri("/api/channels/{id}/join", channelId))).isEqualTo(200);
	}

	@Test
	void aBannedUserIsRemovedAndKeptOutUntilUnbanned() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox alicesChannel = aliceClient.subscribe(topic(channelId));
			Inbox errors = bobClient.subscribe("/user/queue/errors");
			bobClient.subscribe(topic(channelId));
			assertThat(status(rest(alice).post()
				.uri("/api/channels/{id}/bans", channelId)
				.body(Map.of("userId", bob.id(), "reason", "abuse")))).isEqualTo(204);
			assertThat(alicesChannel.next().get("reason").asString()).isEqualTo("banned");
			assertThat(errors.next().get("message").asString()).startsWith("subscription ended:");
			assertThat(status(rest(bob).post().uri("/api/channels/{id}/join", channelId))).isEqualTo(403);
			assertThat(status(
					rest(alice).post().uri("/api/channels/{id}/members", channelId).body(Map.of("userId", bob.id()))))
				.isEqualTo(403);
			assertThat(status(rest(bob).get().uri("/api/channels/{id}/messages", channelId))).isEqualTo(403);
			bobClient.trySubscribe(topic(channelId));
			assertThat(errors.next().get("code").asString()).isEqualTo("forbidden");
		}
		assertThat(status(rest(alice).delete().uri("/api/channels/{id}/bans/{user}", channelId, bob.id())))
			.isEqualTo(204);
		assertThat(status(rest(bob).post().uri("/api/channels/{id}/join", channelId))).isEqualTo(200);
	}

	@Test
	void moderatorsActOnMembersOnlyAndMembersOnNobody() {
		TestUser alice = this.clients.newUser();
		TestUser moderator = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", moderator, bob);
		try (StompClient aliceClient = this.clients.connect(alice)) {
			Inbox channel = aliceClient.subscribe(topic(channelId));
			assertThat(status(rest(alice).patch()
				.uri("/api/channels/{id}/members/{user}", channelId, moderator.id())
				.body(Map.of("role", "moderator")))).isEqualTo(204);
			JsonNode updated = channel.next();
			assertThat(updated.get("type").asString()).isEqualTo("member.updated");
			assertThat(updated.at("/member/role").asString()).isEqualTo("moderator");
		}
		assertThat(status(
				rest(bob).post().uri("/api/channels/{id}/mutes", channelId).body(Map.of("userId", moderator.id()))))
			.isEqualTo(403);
		assertThat(status(rest(moderator).delete().uri("/api/channels/{id}/members/{user}", channelId, alice.id())))
			.isEqualTo(403);
		assertThat(status(rest(moderator).patch()
			.uri("/api/channels/{id}/members/{user}", channelId, bob.id())
			.body(Map.of("role", "admin")))).as("moderators do not hand out roles").isEqualTo(403);
		assertThat(status(rest(alice).patch()
			.uri("/api/channels/{id}/members/{user}", channelId, alice.id())
			.body(Map.of("role", "member")))).as("the last admin").isEqualTo(409);
		assertThat(status(rest(moderator).delete().uri("/api/channels/{id}/members/{user}", channelId, bob.id())))
			.isEqualTo(204);
	}

	@Test
	void theAuditLogRecordsEveryModerationActionForModeratorsAndAdmins() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		TestUser admin = this.clients.newUser(Role.ADMIN);
		long channelId = this.clients.createChannel(alice, "public", bob, carol);
		try (StompClient bobClient = this.clients.connect(bob)) {
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "rude"));
		}
		long rude = this.clients.messages(alice, channelId, "limit=1").at("/messages/0/id").asLong();
		rest(alice).delete().uri("/api/messages/{id}", rude).retrieve().toBodilessEntity();
		rest(alice).post()
			.uri("/api/channels/{id}/mutes", channelId)
			.body(Map.of("userId", bob.id(), "reason", "rude"))
			.retrieve()
			.toBodilessEntity();
		rest(alice).delete()
			.uri("/api/channels/{id}/members/{user}", channelId, carol.id())
			.retrieve()
			.toBodilessEntity();

		JsonNode entries = this.clients.get(alice, "/api/channels/" + channelId + "/audit");
		assertThat(entries).extracting((entry) -> entry.get("action").asString())
			.containsExactly("kicked", "muted", "message_deleted");
		JsonNode muted = entries.get(1);
		assertThat(muted.at("/actor/id").asLong()).isEqualTo(alice.id());
		assertThat(muted.at("/actor/username").asString()).isEqualTo(alice.username());
		assertThat(muted.at("/target/username").asString()).isEqualTo(bob.username());
		assertThat(muted.get("reason").asString()).isEqualTo("rude");
		assertThat(muted.get("createdAt").asString()).isNotEmpty();
		assertThat(muted.get("id").asLong()).isPositive();
		assertThat(status(rest(bob).get().uri("/api/channels/{id}/audit", channelId))).isEqualTo(403);
		assertThat(this.clients.get(admin, "/api/audit?limit=100"))
			.extracting((entry) -> entry.get("channelId").asLong())
			.contains(channelId);
		assertThat(status(rest(bob).get().uri("/api/audit"))).isEqualTo(403);
	}

	@Test
	void supportChannelsAreAnsweredByAgentsAndClosedForGood() {
		TestUser customer = this.clients.newUser();
		TestUser agent = this.clients.newUser(Role.MODERATOR);
		TestUser bystander = this.clients.newUser();
		long channelId = this.clients.createChannel(customer, "support");
		assertThat(this.clients.get(agent, "/api/support")).extracting((channel) -> channel.get("id").asLong())
			.contains(channelId);
		assertThat(status(rest(bystander).get().uri("/api/support"))).isEqualTo(403);
		// Someone else's support channel is, to anyone but its agents, one that does not
		// exist.
		assertThat(status(rest(bystander).post().uri("/api/channels/{id}/join", channelId))).isEqualTo(404);
		JsonNode joined = rest(agent).post().uri("/api/channels/{id}/join", channelId).retrieve().body(JsonNode.class);
		assertThat(joined.get("role").asString()).isEqualTo("moderator");
		try (StompClient customerClient = this.clients.connect(customer);
				StompClient agentClient = this.clients.connect(agent)) {
			Inbox channel = customerClient.subscribe(topic(channelId));
			Inbox errors = customerClient.subscribe("/user/queue/errors");
			customerClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "my order is late"));
			agentClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "it ships today"));
			channel.next(2);
			assertThat(status(rest(agent).post().uri("/api/channels/{id}/close", channelId))).isEqualTo(204);
			JsonNode closed = channel.next();
			assertThat(closed.get("type").asString()).isEqualTo("channel.closed");
			assertThat(closed.get("closedBy").asLong()).isEqualTo(agent.id());
			customerClient.send(send(channelId), Map.of("content", "one more thing"));
			assertThat(errors.next().get("message").asString()).contains("closed");
		}
		assertThat(this.clients.get(agent, "/api/support")).extracting((channel) -> channel.get("id").asLong())
			.doesNotContain(channelId);
		assertThat(this.clients.get(customer, "/api/channels/" + channelId).get("closedAt").isNull()).isFalse();
	}

	@Test
	void nobodyLiftsTheirOwnMuteOrActsAboveTheirRank() {
		TestUser alice = this.clients.newUser();
		TestUser moderator = this.clients.newUser();
		TestUser admin = this.clients.newUser(Role.ADMIN);
		long channelId = this.clients.createChannel(alice, "public", moderator, admin);
		rest(alice).patch()
			.uri("/api/channels/{id}/members/{user}", channelId, moderator.id())
			.body(Map.of("role", "moderator"))
			.retrieve()
			.toBodilessEntity();
		rest(alice).post()
			.uri("/api/channels/{id}/mutes", channelId)
			.body(Map.of("userId", moderator.id()))
			.retrieve()
			.toBodilessEntity();
		assertThat(status(rest(moderator).delete().uri("/api/channels/{id}/mutes/{user}", channelId, moderator.id())))
			.isEqualTo(400);
		assertThat(status(
				rest(alice).post().uri("/api/channels/{id}/mutes", channelId).body(Map.of("userId", admin.id()))))
			.as("a workspace ADMIN outranks a channel admin")
			.isEqualTo(403);
		assertThat(status(rest(alice).post()
			.uri("/api/channels/{id}/bans", channelId)
			.body(Map.of("userId", moderator.id(), "until", "+300000-01-01T00:00:00Z")))).isEqualTo(400);
		assertThat(this.clients.get(alice, "/api/channels/" + channelId + "/mutes")).hasSize(1);
	}

	@Test
	void whoeverOpensASupportChannelDoesNotModerateItsAgents() {
		TestUser customer = this.clients.newUser();
		TestUser agent = this.clients.newUser(Role.MODERATOR);
		long channelId = this.clients.createChannel(customer, "support");
		rest(agent).post().uri("/api/channels/{id}/join", channelId).retrieve().toBodilessEntity();
		assertThat(status(rest(customer).delete().uri("/api/channels/{id}/members/{user}", channelId, agent.id())))
			.isEqualTo(403);
		assertThat(status(rest(customer).get().uri("/api/channels/{id}/audit", channelId))).isEqualTo(403);
		assertThat(status(rest(customer).post().uri("/api/channels/{id}/close", channelId))).isEqualTo(204);
	}

	@Test
	void moderatorsActOverStompToo() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox channel = aliceClient.subscribe(topic(channelId));
			Inbox bobsErrors = bobClient.subscribe("/user/queue/errors");
			String moderate = "/app/channel." + channelId + ".moderate";
			aliceClient.sendAndAwaitReceipt(moderate, Map.of("action", "mute", "userId", bob.id()));
			bobClient.send(send(channelId), Map.of("content", "muted?"));
			assertThat(bobsErrors.next().get("message").asString()).contains("muted");
			bobClient.send(moderate, Map.of("action", "kick", "userId", alice.id()));
			assertThat(bobsErrors.next().get("code").asString()).isEqualTo("forbidden");
			aliceClient.sendAndAwaitReceipt(moderate, Map.of("action", "kick", "userId", bob.id(), "reason", "bye"));
			assertThat(channel.next().get("reason").asString()).isEqualTo("kicked");
			assertThat(this.clients.get(alice, "/api/channels/" + channelId + "/audit"))
				.extracting((entry) -> entry.get("action").asString())
				.containsExactly("kicked", "muted");
		}
	}

	private RestClient rest(TestUser user) {
		return this.clients.rest(user);
	}

	private static String topic(long channelId) {
		return "/topic/channel." + channelId;
	}

	private static String send(long channelId) {
		return "/app/channel." + channelId + ".send";
	}

}
