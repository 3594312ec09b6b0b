package io.switchboard.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.switchboard.test.ChannelLock;
import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.switchboard.message.ChannelMessagingIntegrationTests.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel's line of waiting changes is bounded: past it a sender is told to come back
 * later, loses nothing that was confirmed, and may safely retry.
 */
@ServerTest(properties = "switchboard.channels.max-waiting-changes=3")
class FullChannelQueueIntegrationTests {

	private static final int SENT = 10;

	@Autowired
	TestClients clients;

	@Autowired
	DataSource dataSource;

	@Test
	void aFullQueueAnswersUnavailableAndARetryWithTheSameIdIsStoredOnce() throws Exception {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			List<CompletableFuture<String>> receipts = new ArrayList<>();
			try (ChannelLock lock = ChannelLock.hold(this.dataSource, channelId)) {
				receipts.add(client.sendWithReceipt(send(channelId), payload(0), "q-0"));
				// The writer holds the first change and waits for the lock ...
				lock.awaitWaiters(1);
				for (int i = 1; i <= SENT; i++) {
					receipts.add(client.sendWithReceipt(send(channelId), payload(i), "q-" + i));
				}
				// ... three more wait behind it, and the other seven are refused.
				List<JsonNode> refused = errors.next(SENT - 3);
				assertThat(refused).allSatisfy((error) -> {
					assertThat(error.get("code").asString()).isEqualTo("unavailable");
					assertThat(error.get("retryAfterMs").asLong()).isPositive();
				});
				assertThat(refused).extracting((error) -> error.get("clientMessageId").asString())
					.containsExactly("c-4", "c-5", "c-6", "c-7", "c-8", "c-9", "c-10");
			}
			for (int i = 0; i <= 3; i++) {
				StompClient.await(receipts.get(i));
			}
			for (int i = 0; i <= SENT; i++) {
				// Everything again, with the same ids: what was stored is not stored
				// twice.
				client.sendAndAwaitReceipt(send(channelId), payload(i));
			}
			JsonNode stored = this.clients.messages(alice, channelId, "sinceSeq=0").get("messages");
			assertThat(stored).extracting((message) -> message.get("clientMessageId").asString())
				.containsExactlyElementsOf(IntStream.rangeClosed(0, SENT).mapToObj((i) -> "c-" + i).toList());
		}
	}

	private static Map<String, String> payload(int i) {
		return Map.of("content", "m" + i, "clientMessageId", "c-" + i);
	}

}
