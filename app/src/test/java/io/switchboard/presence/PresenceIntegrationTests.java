package io.switchboard.presence;

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

@ServerTest
class PresenceIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void aUserIsOnlineOnceWhileAnyTabIsOpenAndOfflineWithLastSeenAfterTheLast() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		try (StompClient watcher = this.clients.connect(bob)) {
			Inbox presence = watcher.subscribe("/topic/presence." + alice.id());
			StompClient firstTab = this.clients.connect(alice);
			JsonNode online = presence.next();
			assertThat(online.get("type").asString()).isEqualTo("presence");
			assertThat(online.get("userId").asLong()).isEqualTo(alice.id());
			assertThat(online.get("status").asString()).isEqualTo("online");
			try (StompClient secondTab = this.clients.connect(alice)) {
				// The second tab changes nothing: the next event is the status it sets.
				secondTab.sendAndAwaitReceipt("/app/presence.set", Map.of("status", "away"));
				assertThat(presence.next().get("status").asString()).isEqualTo("away");
				firstTab.close();
				secondTab.sendAndAwaitReceipt("/app/presence.set",
						Map.of("status", "busy", "statusText", "in a meeting"));
				JsonNode busy = presence.next();
				assertThat(busy.get("status").asString()).isEqualTo("busy");
				assertThat(busy.get("statusText").asString()).isEqualTo("in a meeting");
			}
			JsonNode offline = presence.next();
			assertThat(offline.get("status").asString()).isEqualTo("offline");
			assertThat(Instant.parse(offline.get("lastSeenAt").asString())).isBefore(Instant.now().plusSeconds(1));
		}
		TestUser neverSeen = this.clients.newUser();
		JsonNode statuses = this.clients.get(bob, "/api/presence?userIds=" + alice.id() + "," + neverSeen.id());
		assertThat(statuses).extracting((status) -> status.get("status").asString())
			.containsExactly("offline", "offline");
		assertThat(statuses.get(0).get("lastSeenAt").isNull()).isFalse();
		assertThat(statuses.get(1).get("lastSeenAt").isNull()).isTrue();
	}

	@Test
	void onlyOnlineAwayAndBusyAreChosen() {
		TestUser alice = this.clients.newUser();
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.send("/app/presence.set", Map.of("status", "offline"));
			assertThat(errors.next().get("code").asString()).isEqualTo("bad_request");
			client.send("/app/presence.set", Map.of("status", "online", "statusText", "x".repeat(101)));
			assertThat(errors.next().get("code").asString()).isEqualTo("bad_request");
			JsonNode statuses = this.clients.get(alice, "/api/presence?userIds=" + alice.id());
			assertThat(statuses.get(0).get("status").asString()).isEqualTo("online");
		}
	}

}
