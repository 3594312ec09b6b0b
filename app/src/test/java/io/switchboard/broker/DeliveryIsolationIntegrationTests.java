package io.switchboard.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.switchboard.test.Inbox;
import io.switchboard.test.RawWebSocket;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery as subscribers see it: a committed event arrives even when its publication was
 * lost, and a client that stops reading is closed without delaying anyone else.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class DeliveryIsolationIntegrationTests {

	private static final String LONG_CONTENT = "x".repeat(3_900);

	@Autowired
	TestClients clients;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	/**
	 * Plays a node that died between commit and publish: the change and its event are
	 * committed, and nobody publishes them.
	 */
	@Test
	void committedEventThatWasNeverPublishedReachesSubscribersWithinTwoSecondsInOrder() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe("/topic/channel." + channelId);
			long committedAt = System.nanoTime();
			long seq = this.transactions.execute((status) -> {
				long next = this.jdbc.queryForObject(
						"update channels set last_seq = last_seq + 1 where id = ? returning last_seq", Long.class,
						channelId);
				String event = "{\"type\":\"member.joined\",\"channelId\":" + channelId + ",\"seq\":" + next
						+ ",\"member\":{\"userId\":" + alice.id() + ",\"username\":\"ghost\",\"role\":\"member\"}}";
				this.jdbc.update(
						"insert into channel_events (channel_id, seq, payload, created_at) values (?, ?, ?, now())",
						channelId, next, event.getBytes());
				return next;
			});
			JsonNode lost = channel.next();
			assertThat(Duration.ofNanos(System.nanoTime() - committedAt)).isLessThan(Duration.ofSeconds(2));
			assertThat(lost.get("seq").asLong()).isEqualTo(seq);
			assertThat(lost.at("/member/username").asString()).isEqualTo("ghost");
			client.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "after"));
			assertThat(channel.next().get("seq").asLong()).isEqualTo(seq + 1);
		}
	}

	@Test
	void clientThatStopsReadingIsClosedAsSlowConsumerWithoutDelayingOthers(CapturedOutput output) throws Exception {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public");
		try (RawWebSocket stuck = RawWebSocket.open(this.clients.port());
				StompClient sender = this.clients.connect(alice);
				StompClient reader = this.clients.connect(this.clients.newUser())) {
			stuck.send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\nAuthorization:Bearer "
					+ this.clients.newUser().token() + "\n\n\0");
			stuck.send("SUBSCRIBE\nid:0\ndestination:/topic/channel." + channelId + "\n\n\0");
			Inbox channel = reader.subscribe("/topic/channel." + channelId);
			List<Long> delaysMillis = new ArrayList<>();
			int sent = 0;
			while (!output.getOut().contains("slow consumer") && sent < 2_000) {
				CompletableFuture<String> receipt = sender.sendWithReceipt("/app/channel." + channelId + ".send",
						Map.of("content", LONG_CONTENT), StompClient.nextReceiptId());
				StompClient.await(receipt);
				long confirmed = System.nanoTime();
				channel.next();
				delaysMillis.add(Math.max(0, (System.nanoTime() - confirmed) / 1_000_000));
				sent++;
			}
			assertThat(output.getOut()).contains("slow consumer");
			RawWebSocket.Frame error = RawWebSocket.errorFrame(stuck.readUntilClosed());
			assertThat(error.header("message")).isEqualTo("slow consumer");
			assertThat(error.body()).contains("waited");
			// A reader held up by the stuck one would wait until it is found out: seconds
			// (its 1 MiB fills, or 5 s pass). The bound is far below that and far above a
			// pause of this 2-core machine, which has reached 140 ms with nothing stuck.
			assertThat(delaysMillis).as("delivery to the reading client after the sender's RECEIPT, in ms")
				.allMatch((delay) -> delay <= 750);
			sender.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "still here"));
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("still here");
		}
	}

	@Test
	void socketThatSendsNoConnectIsClosed() throws Exception {
		try (RawWebSocket silent = RawWebSocket.open(this.clients.port())) {
			long opened = System.nanoTime();
			RawWebSocket.Frame error = RawWebSocket.errorFrame(silent.readUntilClosed());
			assertThat(error.header("message")).isEqualTo("protocol error");
			assertThat(error.body()).isEqualTo("no CONNECT within 3 s");
			assertThat(Duration.ofNanos(System.nanoTime() - opened)).isBetween(Duration.ofSeconds(3),
					Duration.ofSeconds(5));
		}
	}

}
