package io.switchboard.message;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * The send path as clients see it: real STOMP clients, the real relay and broker, the
 * real database.
 */
@ServerTest
class ChannelMessagingIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void twoClientsExchangeMessagesInOrderWithConsecutiveSeq() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		long base = this.clients.lastSeq(alice, channelId);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox aliceInbox = aliceClient.subscribe(topic(channelId));
			Inbox bobInbox = bobClient.subscribe(topic(channelId));
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "hi bob"));
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "hi alice"));
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "how are you?"));
			for (Inbox inbox : List.of(aliceInbox, bobInbox)) {
				List<JsonNode> events = inbox.next(3);
				assertThat(events).extracting((event) -> event.get("type").asString()).containsOnly("message.created");
				assertThat(events).extracting((event) -> event.get("seq").asLong())
					.containsExactly(base + 1, base + 2, base + 3);
				assertThat(events).extracting((event) -> event.at("/message/content").asString())
					.containsExactly("hi bob", "hi alice", "how are you?");
				assertThat(events.get(1).at("/message/sender/username").asString()).isEqualTo(bob.username());
				assertThat(events.get(0).at("/message/lastSeq").asLong()).isEqualTo(base + 1);
			}
		}
	}

	@Test
	void nonMemberCannotSubscribeToPrivateChannel() {
		TestUser alice = this.clients.newUser();
		TestUser mallory = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient malloryClient = this.clients.connect(mallory)) {
			Inbox errors = malloryClient.subscribe("/user/queue/errors");
			StompClient.PendingSubscription refused = malloryClient.trySubscribe(topic(channelId));
			JsonNode error = errors.next();
			assertThat(error.get("type").asString()).isEqualTo("error");
			// A private channel of others is, to mallory, one that does not exist.
			assertThat(error.get("code").asString()).isEqualTo("not_found");
			assertThat(error.get("destination").asString()).isEqualTo(topic(channelId));
			assertThat(error.get("message").asString()).isEqualTo("no channel " + channelId);
			// The SUBSCRIBE never reached the broker: no receipt, and no delivery. A
			// later
			// SUBSCRIBE's receipt comes back over the same path, after it would have.
			malloryClient.subscribe("/user/queue/notifications");
			assertThat(refused.confirmed()).isNotDone();
			Inbox aliceInbox = aliceClient.subscribe(topic(channelId));
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "secret"));
			assertThat(aliceInbox.next().at("/message/content").asString()).isEqualTo("secret");
			assertThat(refused.inbox().isEmpty()).isTrue();
			assertThat(malloryClient.isConnected()).isTrue();
		}
	}

	@Test
	void nonMemberSendIsRefusedAndNothingIsStored() {
		TestUser alice = this.clients.newUser();
		TestUser mallory = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long base = this.clients.lastSeq(alice, channelId);
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient malloryClient = this.clients.connect(mallory)) {
			Inbox errors = malloryClient.subscribe("/user/queue/errors");
			Inbox channel = aliceClient.subscribe(topic(channelId));
			CompletableFuture<String> receipt = malloryClient.sendWithReceipt(send(channelId),
					Map.of("content", "let me in", "clientMessageId", "m-1"), "r-mallory");
			JsonNode error = errors.next();
			assertThat(error.get("code").asString()).isEqualTo("not_found");
			assertThat(error.get("receiptId").asString()).isEqualTo("r-mallory");
			assertThat(error.get("clientMessageId").asString()).isEqualTo("m-1");
			assertThat(error.get("destination").asString()).isEqualTo(send(channelId));
			malloryClient.subscribe("/user/queue/notifications");
			assertThat(receipt).isNotDone();
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "only me"));
			JsonNode next = channel.next();
			assertThat(next.get("seq").asLong()).isEqualTo(base + 1);
			assertThat(next.at("/message/content").asString()).isEqualTo("only me");
			assertThat(this.clients.messages(alice, channelId, "sinceSeq=0").get("messages")).hasSize(1);
		}
	}

	@Test
	void receiptArrivesOnlyAfterCommit() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			for (int i = 0; i < 20; i++) {
				String id = "receipt-" + i;
				client.sendAndAwaitReceipt(send(channelId), Map.of("content", "m" + i, "clientMessageId", id));
				// Read back at once, over another connection to the database: it is
				// there.
				JsonNode stored = this.clients.messages(alice, channelId, "limit=1").get("messages").get(0);
				assertThat(stored.get("clientMessageId").asString()).isEqualTo(id);
			}
		}
	}

	@Test
	void duplicateClientMessageIdIsStoredOnceAndAnsweredTheSame() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long base = this.clients.lastSeq(alice, channelId);
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe(topic(channelId));
			Map<String, String> payload = Map.of("content", "once", "clientMessageId", "c-1f3a");
			client.sendAndAwaitReceipt(send(channelId), payload);
			client.sendAndAwaitReceipt(send(channelId), payload);
			client.sendAndAwaitReceipt(send(channelId), Map.of("content", "after"));
			List<JsonNode> events = channel.next(2);
			assertThat(events).extracting((event) -> event.at("/message/content").asString())
				.containsExactly("once", "after");
			assertThat(events).extracting((event) -> event.get("seq").asLong()).containsExactly(base + 1, base + 2);
			JsonNode stored = this.clients.messages(alice, channelId, "sinceSeq=0").get("messages");
			assertThat(stored).hasSize(2);
		}
	}

	@Test
	void parallelSendersOnSeveralSessionsGetConsecutiveSeqsDeliveredInOrder() throws Exception {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		long base = this.clients.lastSeq(alice, channelId);
		int senders = 4;
		int perSender = 25;
		List<StompClient> sessions = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(senders);
		try (StompClient watcher = this.clients.connect(bob)) {
			Inbox inbox = watcher.subscribe(topic(channelId));
			for (int i = 0; i < senders; i++) {
				sessions.add(this.clients.connect((i % 2 == 0) ? alice : bob));
			}
			long started = System.nanoTime();
			List<CompletableFuture<Void>> done = new ArrayList<>();
			for (int s = 0; s < senders; s++) {
				StompClient sender = sessions.get(s);
				int senderIndex = s;
				done.add(CompletableFuture.runAsync(() -> {
					List<CompletableFuture<String>> receipts = new ArrayList<>();
					for (int m = 0; m < perSender; m++) {
						receipts.add(sender.sendWithReceipt(send(channelId),
								Map.of("content", "s" + senderIndex + "-m" + m), StompClient.nextReceiptId()));
					}
					receipts.forEach(StompClient::await);
				}, pool));
			}
			done.forEach(StompClient::await);
			List<JsonNode> events = inbox.next(senders * perSender);
			System.out.printf("[measure] %d messages from %d sessions stored, confirmed and delivered in %d ms%n",
					senders * perSender, senders, (System.nanoTime() - started) / 1_000_000);
			List<Long> seqs = events.stream().map((event) -> event.get("seq").asLong()).toList();
			for (int i = 0; i < seqs.size(); i++) {
				assertThat(seqs.get(i)).as("event %d", i).isEqualTo(base + 1 + i);
			}
			// Each session's own messages keep the order they were sent in.
			for (int s = 0; s < senders; s++) {
				String prefix = "s" + s + "-";
				List<String> own = events.stream()
					.map((event) -> event.at("/message/content").asString())
					.filter((content) -> content.startsWith(prefix))
					.toList();
				assertThat(own).hasSize(perSender);
				for (int m = 0; m < perSender; m++) {
					assertThat(own.get(m)).isEqualTo(prefix + "m" + m);
				}
			}
			Set<Long> stored = new HashSet<>();
			this.clients.messages(alice, channelId, "sinceSeq=" + base)
				.get("messages")
				.forEach((message) -> stored.add(message.get("seq").asLong()));
			assertThat(stored).hasSize(senders * perSender);
		}
		finally {
			sessions.forEach(StompClient::close);
			pool.shutdownNow();
		}
	}

	@Test
	void badPayloadsGetBadRequestAndTheSessionStaysUsable() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			Inbox channel = client.subscribe(topic(channelId));
			client.sendWithReceipt(send(channelId), "{not json", "r-garbled");
			client.sendWithReceipt(send(channelId), Map.of("content", "   ", "clientMessageId", "c-empty"), "r-empty");
			client.sendWithReceipt(send(channelId), Map.of("content", "x".repeat(4001)), "r-long");
			List<JsonNode> refused = errors.next(3);
			assertThat(refused).extracting((error) -> error.get("code").asString()).containsOnly("bad_request");
			assertThat(refused).extracting((error) -> error.get("receiptId").asString())
				.containsExactly("r-garbled", "r-empty", "r-long");
			assertThat(refused.get(1).get("clientMessageId").asString()).isEqualTo("c-empty");
			assertThat(refused.get(2).get("message").asString()).contains("content");
			// 4,000 emoji are 4,000 characters, though 8,000 UTF-16 units.
			client.sendAndAwaitReceipt(send(channelId), Map.of("content", "🙂".repeat(4000)));
			assertThat(channel.next().at("/message/content").asString()).hasSize(8000);
			assertThat(client.isConnected()).isTrue();
		}
	}

	@Test
	void framesToUnlistedDestinationsAreRefused() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.trySubscribe("/queue/notifications-user" + alice.id());
			client.trySubscribe("/topic/switchboard.user-registry");
			client.send("/topic/channel." + channelId, Map.of("content", "straight to the broker"));
			client.send("/app/channel." + channelId + ".bogus", Map.of("content", "?"));
			List<JsonNode> refused = errors.next(4);
			assertThat(refused).extracting((error) -> error.get("code").asString()).containsOnly("forbidden");
			assertThat(this.clients.messages(alice, channelId, "sinceSeq=0").get("messages")).isEmpty();
			assertThat(client.isConnected()).isTrue();
		}
	}

	@Test
	void replyCountsOnItsThreadAndRecoveryReturnsTheUpdatedParent() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long otherChannelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			Inbox channel = client.subscribe(topic(channelId));
			client.sendAndAwaitReceipt(send(channelId), Map.of("content", "question?"));
			JsonNode parent = channel.next().get("message");
			client.sendAndAwaitReceipt(send(channelId), Map.of("content", "answer", "replyToId", parent.get("id")));
			JsonNode reply = channel.next().get("message");
			assertThat(reply.get("replyToId").asLong()).isEqualTo(parent.get("id").asLong());
			JsonNode recovered = this.clients.messages(alice, channelId, "sinceSeq=" + parent.get("seq").asLong())
				.get("messages");
			assertThat(recovered).hasSize(2);
			JsonNode updatedParent = recovered.get(0).get("id").asLong() == parent.get("id").asLong() ? recovered.get(0)
					: recovered.get(1);
			assertThat(updatedParent.get("threadReplyCount").asInt()).isEqualTo(1);
			assertThat(updatedParent.get("lastSeq").asLong()).isEqualTo(reply.get("seq").asLong());
			client.send(send(channelId), Map.of("content", "nested", "replyToId", reply.get("id")));
			client.send(send(otherChannelId), Map.of("content", "elsewhere", "replyToId", parent.get("id")));
			// Two channels store on their own: either answer may come first.
			assertThat(errors.next(2))
				.extracting((error) -> error.get("destination").asString() + " " + error.get("code").asString())
				.containsExactlyInAnyOrder(send(channelId) + " bad_request", send(otherChannelId) + " not_found");
		}
	}

	@Test
	void sockJsClientSendsAndReceives() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connectSockJs(alice)) {
			Inbox channel = client.subscribe(topic(channelId));
			client.sendAndAwaitReceipt(send(channelId), Map.of("content", "over xhr streaming"));
			JsonNode event = channel.next();
			assertThat(event.get("type").asString()).isEqualTo("message.created");
			assertThat(event.at("/message/content").asString()).isEqualTo("over xhr streaming");
		}
	}

	static String topic(long channelId) {
		return "/topic/channel." + channelId;
	}

	static String send(long channelId) {
		return "/app/channel." + channelId + ".send";
	}

}
