package io.switchboard.message;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import io.switchboard.channel.ChannelWriter;
import io.switchboard.test.ChannelLock;
import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static io.switchboard.message.ChannelMessagingIntegrationTests.send;
import static io.switchboard.message.ChannelMessagingIntegrationTests.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes to a channel wait in line and are stored together: a test holds the channel's
 * row lock, as a slow transaction would, lines SENDs up behind it and lets go.
 */
@ServerTest
class GroupCommitIntegrationTests {

	@Autowired
	TestClients clients;

	@Autowired
	DataSource dataSource;

	@Autowired
	ChannelWriter writer;

	@Test
	void oneSessionsPipelinedSendsAreStoredAndConfirmedInTheOrderSent() throws Exception {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long base = this.clients.lastSeq(alice, channelId);
		int count = 50;
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe(topic(channelId));
			Queue<String> confirmed = new ConcurrentLinkedQueue<>();
			List<CompletableFuture<String>> receipts = new ArrayList<>();
			try (ChannelLock lock = ChannelLock.hold(this.dataSource, channelId)) {
				for (int i = 0; i < count; i++) {
					CompletableFuture<String> receipt = client.sendWithReceipt(send(channelId),
							Map.of("content", "m" + i), "p-" + i);
					receipts.add(receipt.thenApply((id) -> {
						confirmed.add(id);
						return id;
					}));
				}
				lock.awaitWaiters(1);
				assertThat(confirmed).as("nothing is confirmed while nothing can be stored").isEmpty();
			}
			receipts.forEach(StompClient::await);
			assertThat(confirmed)
				.containsExactlyElementsOf(LongStream.range(0, count).mapToObj((i) -> "p-" + i).toList());
			List<JsonNode> events = channel.next(count);
			assertThat(events).extracting((event) -> event.get("seq").asLong())
				.containsExactlyElementsOf(LongStream.rangeClosed(base + 1, base + count).boxed().toList());
			assertThat(events).extracting((event) -> event.at("/message/content").asString())
				.containsExactlyElementsOf(LongStream.range(0, count).mapToObj((i) -> "m" + i).toList());
		}
	}

	@Test
	void aChangeRefusedInTheMiddleOfABatchRefusesOnlyItself() throws Exception {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long base = this.clients.lastSeq(alice, channelId);
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			Inbox channel = client.subscribe(topic(channelId));
			List<CompletableFuture<String>> receipts = new ArrayList<>();
			try (ChannelLock lock = ChannelLock.hold(this.dataSource, channelId)) {
				for (int i = 0; i < 10; i++) {
					Map<String, Object> payload = (i == 5) ? Map.of("content", "reply", "replyToId", Long.MAX_VALUE)
							: Map.of("content", "m" + i);
					CompletableFuture<String> receipt = client.sendWithReceipt(send(channelId), payload, "b-" + i);
					if (i != 5) {
						receipts.add(receipt);
					}
				}
				lock.awaitWaiters(1);
			}
			receipts.forEach(StompClient::await);
			JsonNode refused = errors.next();
			assertThat(refused.get("code").asString()).isEqualTo("not_found");
			assertThat(refused.get("receiptId").asString()).isEqualTo("b-5");
			List<JsonNode> events = channel.next(9);
			assertThat(events).extracting((event) -> event.get("seq").asLong())
				.containsExactlyElementsOf(LongStream.rangeClosed(base + 1, base + 9).boxed().toList());
			assertThat(events).extracting((event) -> event.at("/message/content").asString())
				.containsExactly("m0", "m1", "m2", "m3", "m4", "m6", "m7", "m8", "m9");
		}
	}

	/**
	 * Alice leaves while her SENDs wait for the channel: the leave is in line first, so
	 * none of them is stored, though the server took them while she was a member.
	 */
	@Test
	void sendsWaitingWhenTheirSenderLeavesAreNotStored() throws Exception {
		TestUser owner = this.clients.newUser();
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(owner, "private", alice);
		long elsewhere = this.clients.createChannel(alice, "private");
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient ownerClient = this.clients.connect(owner)) {
			Inbox errors = aliceClient.subscribe("/user/queue/errors");
			Inbox channel = ownerClient.subscribe(topic(channelId));
			CompletableFuture<ResponseEntity<Void>> left;
			try (ChannelLock lock = ChannelLock.hold(this.dataSource, channelId)) {
				left = CompletableFuture.supplyAsync(() -> this.clients.rest(alice)
					.post()
					.uri("/api/channels/{id}/leave", channelId)
					.retrieve()
					.toBodilessEntity());
				lock.awaitWaiters(1);
				for (int i = 0; i < 3; i++) {
					aliceClient.sendWithReceipt(send(channelId), Map.of("content", "too late " + i), "late-" + i);
				}
				// The session's frames are taken in order: once a later one to another
				// channel is stored, the three wait in line behind the leave.
				aliceClient.sendAndAwaitReceipt(send(elsewhere), Map.of("content", "barrier"));
			}
			assertThat(StompClient.await(left).getStatusCode().is2xxSuccessful()).isTrue();
			// Out of a private channel, it is one she may not know of any more.
			assertThat(errors.next(3)).allSatisfy((error) -> {
				assertThat(error.get("code").asString()).isEqualTo("not_found");
				assertThat(error.get("receiptId").asString()).startsWith("late-");
			});
			ownerClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "barrier"));
			assertThat(channel.next().get("type").asString()).isEqualTo("member.left");
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("barrier");
		}
	}

	/**
	 * A leave and a later message of the same user in one batch: the batch reads her
	 * membership once, and again after the leave, so the message is refused.
	 */
	@Test
	void aMessageAfterItsSendersLeaveInTheSameBatchIsRefused() throws Exception {
		TestUser owner = this.clients.newUser();
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(owner, "private", alice);
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient ownerClient = this.clients.connect(owner)) {
			Inbox errors = aliceClient.subscribe("/user/queue/errors");
			Inbox channel = ownerClient.subscribe(topic(channelId));
			CompletableFuture<String> before;
			CompletableFuture<ResponseEntity<Void>> left;
			try (ChannelLock lock = ChannelLock.hold(this.dataSource, channelId)) {
				ownerClient.sendWithReceipt(send(channelId), Map.of("content", "first batch"), "owner-0");
				lock.awaitWaiters(1);
				// The second batch: her message, her leave, her next message.
				before = aliceClient.sendWithReceipt(send(channelId), Map.of("content", "still here"), "in-0");
				await().atMost(Duration.ofSeconds(10)).until(() -> this.writer.waiting(channelId) == 1);
				left = CompletableFuture.supplyAsync(() -> this.clients.rest(alice)
					.post()
					.uri("/api/channels/{id}/leave", channelId)
					.retrieve()
					.toBodilessEntity());
				await().atMost(Duration.ofSeconds(10)).until(() -> this.writer.waiting(channelId) == 2);
				aliceClient.sendWithReceipt(send(channelId), Map.of("content", "gone"), "out-1");
				await().atMost(Duration.ofSeconds(10)).until(() -> this.writer.waiting(channelId) == 3);
			}
			StompClient.await(before);
			StompClient.await(left);
			JsonNode refused = errors.next();
			assertThat(refused.get("code").asString()).isEqualTo("not_found");
			assertThat(refused.get("receiptId").asString()).isEqualTo("out-1");
			ownerClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "barrier"));
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("first batch");
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("still here");
			assertThat(channel.next().get("type").asString()).isEqualTo("member.left");
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("barrier");
		}
	}

	/**
	 * A retry waiting in the same batch as its first attempt finds it, though the batch
	 * has not committed yet; another sender's message with the same id is his own.
	 */
	@Test
	void aRetryInTheSameBatchAsItsFirstAttemptStoresNothingNew() throws Exception {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		long base = this.clients.lastSeq(alice, channelId);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox channel = aliceClient.subscribe(topic(channelId));
			List<CompletableFuture<String>> receipts = new ArrayList<>();
			try (ChannelLock lock = ChannelLock.hold(this.dataSource, channelId)) {
				aliceClient.sendWithReceipt(send(channelId), Map.of("content", "ahead"), "ahead");
				lock.awaitWaiters(1);
				Map<String, Object> once = Map.of("content", "once", "clientMessageId", "same-id");
				receipts.add(aliceClient.sendWithReceipt(send(channelId), once, "first"));
				receipts.add(aliceClient.sendWithReceipt(send(channelId), once, "retry"));
				await().atMost(Duration.ofSeconds(10)).until(() -> this.writer.waiting(channelId) == 2);
				receipts.add(bobClient.sendWithReceipt(send(channelId),
						Map.of("content", "bob's own", "clientMessageId", "same-id"), "bob"));
				await().atMost(Duration.ofSeconds(10)).until(() -> this.writer.waiting(channelId) == 3);
			}
			receipts.forEach(StompClient::await);
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "barrier"));
			List<JsonNode> events = channel.next(4);
			assertThat(events).extracting((event) -> event.at("/message/content").asString())
				.containsExactly("ahead", "once", "bob's own", "barrier");
			assertThat(events).extracting((event) -> event.get("seq").asLong())
				.containsExactly(base + 1, base + 2, base + 3, base + 4);
			assertThat(events.get(1).at("/message/createdAt").asString())
				.as("messages stored together carry their transaction's time")
				.isEqualTo(events.get(2).at("/message/createdAt").asString());
		}
	}

}
