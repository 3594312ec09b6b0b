package io.switchboard.broker;

import java.util.Map;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery engine's metrics on {@code /actuator/prometheus}, for ADMIN tokens only.
 */
@ServerTest
class MetricsIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void adminsScrapeTheDeliveryMetricsAndNobodyElseDoes() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe("/topic/channel." + channelId);
			client.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "counted"));
			channel.next();
			String metrics = this.clients.rest(this.clients.newUser(Role.ADMIN))
				.get()
				.uri("/actuator/prometheus")
				.retrieve()
				.body(String.class);
			assertThat(metrics).contains("switchboard_sessions ", "switchboard_subscriptions ",
					"switchboard_destinations ", "switchboard_outbound_queued_bytes ",
					"switchboard_slow_consumer_closes_total ", "switchboard_broker_link_up 1.0",
					"switchboard_delivery_lag_seconds_bucket");
			assertThat(metrics).containsPattern("switchboard_deliveries_total [1-9]");
		}
		assertThat(status(this.clients.rest(alice).get().uri("/actuator/prometheus"))).isEqualTo(403);
		assertThat(status(this.clients.anonymousRest().get().uri("/actuator/prometheus"))).isEqualTo(401);
	}

	static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode()).value();
	}

}
