package io.switchboard.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel REST resources of PROTOCOL.md section 8, and the member events they
 * publish.
 */
@ServerTest
class ChannelIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void directChannelIsCreatedOnceWhoeverAsksAndHoweverOften() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		ResponseEntity<JsonNode> created = openDirect(alice, bob.id());
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode channel = created.getBody();
		assertThat(channel.get("type").asString()).isEqualTo("direct");
		ResponseEntity<JsonNode> again = openDirect(alice, bob.id());
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("id").asLong()).isEqualTo(channel.get("id").asLong());
		assertThat(openDirect(bob, alice.id()).getBody().get("id").asLong()).isEqualTo(channel.get("id").asLong());
	}

	@Test
	void concurrentRequestsForTheSameGroupGetOneChannel() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		List<CompletableFuture<Long>> requests = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			TestUser asker = List.of(alice, bob, carol).get(i % 3);
			long[] others = List.of(alice, bob, carol)
				.stream()
				.filter((user) -> user != asker)
				.mapToLong(TestUser::id)
				.toArray();
			requests.add(CompletableFuture.supplyAsync(() -> openDirect(asker, others).getBody().get("id").asLong()));
		}
		List<Long> ids = requests.stream().map(StompClient::await).toList();
		assertThat(ids).containsOnly(ids.get(0));
		JsonNode mine = this.clients.rest(carol).get().uri("/api/channels").retrieve().body(JsonNode.class);
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("type").asString()).isEqualTo("group");
	}

	@Test
	void joiningAndLeavingAPublicChannelIsAnnouncedWithSeq() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public");
		try (StompClient aliceClient = this.clients.connect(alice)) {
			Inbox events = aliceClient.subscribe("/topic/channel." + channelId);
			JsonNode joinable = this.clients.rest(bob)
				.get()
				.uri("/api/channels/public")
				.retrieve()
				.body(JsonNode.class);
			assertThat(joinable.findValues("id")).extracting(JsonNode::asLong).contains(channelId);
			JsonNode joined = this.clients.rest(bob)
				.post()
				.uri("/api/channels/{id}/join", channelId)
				.retrieve()
				.body(JsonNode.class);
			assertThat(joined.get("role").asString()).isEqualTo("member");
			assertThat(joined.get("lastSeq").asLong()).isEqualTo(this.clients.lastSeq(bob, channelId));
			this.clients.rest(bob).post().uri("/api/channels/{id}/leave", channelId).retrieve().toBodilessEntity();
			JsonNode join = events.next();
			JsonNode leave = events.next();
			assertThat(join.get("type").asString()).isEqualTo("member.joined");
			assertThat(join.at("/member/userId").asLong()).isEqualTo(bob.id());
			assertThat(leave.get("type").asString()).isEqualTo("member.left");
			assertThat(leave.get("seq").asLong()).isEqualTo(join.get("seq").asLong() + 1);
		}
	}

	@Test
	void channelListShowsUnreadCountsAndReadMarker() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice)) {
			for (int i = 0; i < 3; i++) {
				aliceClient.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "n" + i));
			}
		}
		JsonNode bobs = this.clients.rest(bob).get().uri("/api/channels").retrieve().body(JsonNode.class).get(0);
		assertThat(bobs.get("unreadCount").asLong()).isEqualTo(3);
		assertThat(bobs.get("readSeq").asLong()).isZero();
		assertThat(bobs.get("lastSeq").asLong()).isEqualTo(this.clients.lastSeq(bob, channelId));
		JsonNode alices = this.clients.rest(alice).get().uri("/api/channels").retrieve().body(JsonNode.class).get(0);
		assertThat(alices.get("unreadCount").asLong()).isZero();
	}

	@Test
	void onlyChannelAdminsAddMembers() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		ResponseEntity<JsonNode> refused = this.clients.rest(bob)
			.post()
			.uri("/api/channels/{id}/members", channelId)
			.body(Map.of("userId", carol.id()))
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.body(response.bodyTo(JsonNode.class)));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody().get("code").asString()).isEqualTo("forbidden");
	}

	private ResponseEntity<JsonNode> openDirect(TestUser asker, long... others) {
		return this.clients.rest(asker)
			.post()
			.uri("/api/direct")
			.body(Map.of("userIds", others))
			.retrieve()
			.toEntity(JsonNode.class);
	}

}
