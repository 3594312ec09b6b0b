package io.switchboard.presence;

import java.time.Duration;
import java.time.Instant;
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
import static org.assertj.core.api.Assertions.within;

@ServerTest
class TypingIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void typingReachesTheChannelWithoutSeqAtMostOncePerTwoSecondsPerUser() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob, carol);
		long seq = this.clients.lastSeq(alice, channelId);
		try (StompClient aliceClient = this.clients.connect(alice);
				StompClient bobClient = this.clients.connect(bob);
				StompClient carolClient = this.clients.connect(carol)) {
			Inbox events = aliceClient.subscribe("/topic/channel." + channelId);
			for (int i = 0; i < 5; i++) {
				bobClient.sendAndAwaitReceipt(typing(channelId), Map.of("typing", true));
			}
			carolClient.sendAndAwaitReceipt(typing(channelId), Map.of("typing", true));
			JsonNode first = events.next();
			assertThat(first.get("type").asString()).isEqualTo("typing");
			assertThat(first.get("userId").asLong()).isEqualTo(bob.id());
			assertThat(first.get("username").asString()).isEqualTo(bob.username());
			assertThat(first.get("typing").asBoolean()).isTrue();
			assertThat(first.has("seq")).isFalse();
			assertThat(Instant.parse(first.get("expiresAt").asString()))
				.isCloseTo(Instant.now().plus(Duration.ofSeconds(6)), within(Duration.ofSeconds(3)));
			// Bob's four others fell within his two seconds: carol's is next.
			assertThat(events.next().get("userId").asLong()).isEqualTo(carol.id());
		}
		assertThat(this.clients.lastSeq(alice, channelId)).as("nothing stored").isEqualTo(seq);
	}

	@Test
	void nonMembersMayNotType() {
		TestUser alice = this.clients.newUser();
		TestUser mallory = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public");
		try (StompClient client = this.clients.connect(mallory)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.send(typing(channelId), Map.of("typing", true));
			assertThat(errors.next().get("code").asString()).isEqualTo("forbidden");
		}
	}

	private static String typing(long channelId) {
		return "/app/channel." + channelId + ".typing";
	}

}
