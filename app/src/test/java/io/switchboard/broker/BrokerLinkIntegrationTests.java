package io.switchboard.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions and the node's link to the broker: heart-beats keep idle and {@code /app}-only
 * clients connected, and the link comes back with the broker, losing no committed event.
 * <p>
 * The heart-beat timeout is shortened here to 1.5 intervals (15 s for the 10 s the server
 * agrees to), so that a session the server considered silent would be closed within the
 * test.
 */
@ServerTest(properties = "switchboard.delivery.heartbeat-ttl-factor=1.5")
@ExtendWith(OutputCaptureExtension.class)
class BrokerLinkIntegrationTests {

	/** Longer than the heart-beat timeout. */
	private static final Duration BUSY_FOR = Duration.ofSeconds(20);

	@Autowired
	TestClients clients;

	@Autowired
	EmbeddedBroker broker;

	@Test
	void clientsThatOnlyTalkToAppOrIdleStayConnectedPastTheHeartbeatTimeout() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient idle = this.clients.connect(bob); StompClient busy = this.clients.connect(alice)) {
			Inbox bobNotifications = idle.subscribe("/user/queue/notifications");
			Inbox channel = busy.subscribe("/topic/channel." + channelId);
			Instant until = Instant.now().plus(BUSY_FOR);
			int sent = 0;
			// Only SENDs to /app, and the client skips its own heart-beats while it is
			// writing.
			while (Instant.now().isBefore(until)) {
				busy.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "tick " + sent));
				sent++;
				channel.next();
				await().pollDelay(Duration.ofMillis(400)).until(() -> true);
			}
			assertThat(busy.isConnected()).isTrue();
			assertThat(idle.isConnected()).isTrue();
			busy.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "@" + bob.username()));
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("@" + bob.username());
			assertThat(bobNotifications.next().get("kind").asString()).isEqualTo("mention");
		}
	}

	@Test
	void silentClientIsClosedWithAnUnescapedHeartbeatTimeoutHeader() throws Exception {
		TestUser alice = this.clients.newUser();
		try (RawWebSocket silent = RawWebSocket.open(this.clients.port())) {
			// It promises a heart-beat every 10 s and sends none; the server's own every
			// 10 s keep the test's socket reading.
			silent.send("CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:10000,10000\nAuthorization:Bearer "
					+ alice.token() + "\n\n\0");
			RawWebSocket.Frame error = ErrorFrameIntegrationTests.plain(silent.readUntilClosed());
			assertThat(error.header("message")).isEqualTo("heart-beat timeout");
			assertThat(error.body()).startsWith("nothing received for ");
		}
	}

	@Test
	void linkReconnectsWhenTheBrokerComesBackAndNoCommittedEventIsLostMeanwhile(CapturedOutput output)
			throws Exception {
		assertThat(linkStatus()).isEqualTo("UP");
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe("/topic/channel." + channelId);
			this.broker.stop();
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(linkStatus()));
				assertThat(output).contains("Broker link lost");
				// Stored while the broker is away: its publication fails, and the node
				// reads it from the event log instead.
				long sent = System.nanoTime();
				client.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "while away"));
				JsonNode event = channel.next();
				assertThat(event.at("/message/content").asString()).isEqualTo("while away");
				assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
			}
			finally {
				this.broker.start();
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(linkStatus()));
			// The link counts as up as soon as it is published, a moment before it says
			// so.
			await().atMost(Duration.ofSeconds(5))
				.until(() -> output.getOut().lastIndexOf("Broker link connected") > output.getOut()
					.lastIndexOf("Broker link lost"));
			client.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "back again"));
			JsonNode event = channel.next();
			assertThat(event.at("/message/content").asString()).isEqualTo("back again");
			assertThat(event.get("seq").asLong()).isEqualTo(2);
		}
	}

	private String linkStatus() {
		JsonNode health = this.clients.anonymousRest()
			.get()
			.uri("/actuator/health")
			.exchange((request, response) -> response.bodyTo(JsonNode.class));
		return health.at("/components/brokerLink/status").asString();
	}

}
