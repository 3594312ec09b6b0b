package io.switchboard.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.switchboard.test.Inbox;
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
 * The relay's connection to the broker: kept alive for clients that only talk to
 * {@code /app}, and re-established when the broker comes back.
 * <p>
 * The broker's connection TTL is shortened here to 1.5 heart-beat intervals (15 s for the
 * 10 s the server agrees to), so that a relay session the broker considers silent would
 * be dropped within the test.
 */
@ServerTest(properties = "switchboard.broker.heartbeat-ttl-factor=1.5")
@ExtendWith(OutputCaptureExtension.class)
class BrokerRelayIntegrationTests {

	/** Longer than the TTL plus the broker's 2 s check period. */
	private static final Duration BUSY_FOR = Duration.ofSeconds(20);

	@Autowired
	TestClients clients;

	@Autowired
	EmbeddedBroker broker;

	@Test
	void clientsThatOnlyTalkToAppOrIdleStayConnectedPastTheBrokerTtl() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient idle = this.clients.connect(bob); StompClient busy = this.clients.connect(alice)) {
			Inbox bobNotifications = idle.subscribe("/user/queue/notifications");
			Inbox channel = busy.subscribe("/topic/channel." + channelId);
			Instant until = Instant.now().plus(BUSY_FOR);
			int sent = 0;
			// Only SENDs to /app: the relay forwards none of them to the broker, and the
			// client skips its own heart-beats while it is writing.
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
	void relayReconnectsWhenTheBrokerComesBackAndHealthSaysSo(CapturedOutput output) throws Exception {
		assertThat(relayStatus()).isEqualTo("UP");
		this.broker.stop();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> "DOWN".equals(relayStatus()));
			assertThat(output).contains("Broker relay lost the broker");
		}
		finally {
			this.broker.start();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(relayStatus()));
		assertThat(output.getOut().lastIndexOf("Broker relay connected"))
			.isGreaterThan(output.getOut().lastIndexOf("Broker relay lost the broker"));
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe("/topic/channel." + channelId);
			client.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "back again"));
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("back again");
		}
	}

	private String relayStatus() {
		JsonNode health = this.clients.anonymousRest()
			.get()
			.uri("/actuator/health")
			.exchange((request, response) -> response.bodyTo(JsonNode.class));
		return health.at("/components/brokerRelay/status").asString();
	}

}
