package io.switchboard.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import io.switchboard.SwitchboardApplication;
import io.switchboard.security.TokenIssuer;
import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestDatabase;
import io.switchboard.test.TestUser;
import io.switchboard.user.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled-out deployment: two server nodes, one database, one external broker. A user
 * connected to one node sees what is sent through the other, channel events and their own
 * notifications alike, in one order whichever node stored them.
 */
@ServerTest
@DirtiesContext
class TwoNodeIntegrationTests {

	private static ExternalTestBroker broker;

	@Autowired
	TestClients nodeA;

	@DynamicPropertySource
	static void sharedBroker(DynamicPropertyRegistry registry) throws Exception {
		broker = ExternalTestBroker.start("cluster");
		broker.register(registry);
	}

	@AfterAll
	static void stopBroker() throws Exception {
		broker.stop();
	}

	@Test
	void userOnOneNodeReceivesWhatIsSentThroughTheOther() {
		try (ConfigurableApplicationContext secondNode = startSecondNode()) {
			TestClients nodeB = clientsOf(secondNode);
			TestUser alice = this.nodeA.newUser();
			TestUser bob = this.nodeA.newUser();
			long channelId = this.nodeA.createChannel(alice, "private", bob);
			try (StompClient bobOnA = this.nodeA.connect(bob); StompClient aliceOnB = nodeB.connect(alice)) {
				Inbox notifications = bobOnA.subscribe("/user/queue/notifications");
				Inbox channel = bobOnA.subscribe("/topic/channel." + channelId);
				aliceOnB.sendAndAwaitReceipt("/app/channel." + channelId + ".send",
						Map.of("content", "across nodes, @" + bob.username()));
				JsonNode event = channel.next();
				assertThat(event.at("/message/content").asString()).isEqualTo("across nodes, @" + bob.username());
				JsonNode notification = notifications.next();
				assertThat(notification.get("kind").asString()).isEqualTo("mention");
				assertThat(notification.at("/data/messageId").asLong()).isEqualTo(event.at("/message/id").asLong());
			}
		}
	}

	/**
	 * A user with a session on each node is online once, stays online while either is
	 * open, and goes offline when the last one closes, whichever node sees what.
	 */
	@Test
	void presenceCountsSessionsOnBothNodesOnce() {
		try (ConfigurableApplicationContext secondNode = startSecondNode()) {
			TestClients nodeB = clientsOf(secondNode);
			TestUser alice = this.nodeA.newUser();
			TestUser bob = this.nodeA.newUser();
			try (StompClient bobOnB = nodeB.connect(bob)) {
				Inbox presence = bobOnB.subscribe("/topic/presence." + alice.id());
				StompClient aliceOnA = this.nodeA.connect(alice);
				assertThat(presence.next().get("status").asString()).isEqualTo("online");
				try (StompClient aliceOnB = nodeB.connect(alice)) {
					// Barriers: each status alice sets is the next event, so nothing came
					// between.
					aliceOnB.sendAndAwaitReceipt("/app/presence.set", Map.of("status", "away"));
					assertThat(presence.next().get("status").asString()).isEqualTo("away");
					aliceOnA.close();
					aliceOnB.sendAndAwaitReceipt("/app/presence.set", Map.of("status", "online"));
					assertThat(presence.next().get("status").asString()).isEqualTo("online");
					JsonNode statuses = this.nodeA.rest(bob)
						.get()
						.uri("/api/presence?userIds=" + alice.id())
						.retrieve()
						.body(JsonNode.class);
					assertThat(statuses.get(0).get("status").asString()).isEqualTo("online");
				}
				JsonNode offline = presence.next();
				assertThat(offline.get("status").asString()).isEqualTo("offline");
				assertThat(offline.get("lastSeenAt").isNull()).isFalse();
			}
		}
	}

	/**
	 * Both nodes store into one channel at once; subscribers on both see every seq once,
	 * in order, with no gap.
	 */
	@Test
	void writersOnBothNodesProduceOneGaplessOrderForSubscribersOnBoth() throws Exception {
		int perWriter = 40;
		try (ConfigurableApplicationContext secondNode = startSecondNode()) {
			TestClients nodeB = clientsOf(secondNode);
			TestUser alice = this.nodeA.newUser();
			TestUser bob = this.nodeA.newUser();
			long channelId = this.nodeA.createChannel(alice, "private", bob);
			try (StompClient watcherOnA = this.nodeA.connect(alice);
					StompClient watcherOnB = nodeB.connect(bob);
					StompClient writerOnA = this.nodeA.connect(alice);
					StompClient writerOnB = nodeB.connect(bob)) {
				Inbox onA = watcherOnA.subscribe("/topic/channel." + channelId);
				Inbox onB = watcherOnB.subscribe("/topic/channel." + channelId);
				long before = this.nodeA.lastSeq(alice, channelId);
				CompletableFuture<Void> fromA = CompletableFuture.runAsync(() -> send(writerOnA, channelId, perWriter));
				CompletableFuture<Void> fromB = CompletableFuture.runAsync(() -> send(writerOnB, channelId, perWriter));
				StompClient.await(CompletableFuture.allOf(fromA, fromB));
				for (Inbox inbox : List.of(onA, onB)) {
					List<Long> seqs = inbox.next(2 * perWriter)
						.stream()
						.map((event) -> event.get("seq").asLong())
						.toList();
					assertThat(seqs)
						.isEqualTo(LongStream.rangeClosed(before + 1, before + 2 * perWriter).boxed().toList());
				}
			}
		}
	}

	@Test
	void leavingThroughOneNodeEndsTheSubscriptionOnTheOther() {
		try (ConfigurableApplicationContext secondNode = startSecondNode()) {
			TestClients nodeB = clientsOf(secondNode);
			TestUser owner = this.nodeA.newUser();
			TestUser alice = this.nodeA.newUser();
			long channelId = this.nodeA.createChannel(owner, "private", alice);
			try (StompClient aliceOnA = this.nodeA.connect(alice)) {
				Inbox errors = aliceOnA.subscribe("/user/queue/errors");
				aliceOnA.subscribe("/topic/channel." + channelId);
				nodeB.rest(alice).post().uri("/api/channels/{id}/leave", channelId).retrieve().toBodilessEntity();
				JsonNode ended = errors.next();
				assertThat(ended.get("message").asString()).startsWith("subscription ended:");
				assertThat(ended.get("destination").asString()).isEqualTo("/topic/channel." + channelId);
			}
		}
	}

	private static void send(StompClient writer, long channelId, int count) {
		List<CompletableFuture<String>> receipts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			receipts.add(writer.sendWithReceipt("/app/channel." + channelId + ".send", Map.of("content", "m" + i),
					StompClient.nextReceiptId()));
		}
		receipts.forEach(StompClient::await);
	}

	private static TestClients clientsOf(ConfigurableApplicationContext node) {
		return new TestClients(node.getBean(UserDirectory.class), node.getBeanProvider(TokenIssuer.class),
				node.getBean(JsonMapper.class), node.getEnvironment(),
				node.getBean(io.switchboard.user.Workspaces.class));
	}

	private static ConfigurableApplicationContext startSecondNode() {
		TestDatabase database = TestDatabase.get();
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password()));
		arguments.addAll(broker.arguments());
		return new SpringApplicationBuilder(SwitchboardApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

}
