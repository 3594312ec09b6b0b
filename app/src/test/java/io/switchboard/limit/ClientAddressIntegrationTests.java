package io.switchboard.limit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code server.forward-headers-strategy}, the client address is the socket's: a
 * client that makes up {@code X-Forwarded-For} headers gains nothing.
 */
@ServerTest(properties = "switchboard.limits.enabled=true")
class ClientAddressIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void madeUpForwardedForHeadersDoNotEscapeTheAddressLimit() throws Exception {
		TestUser alice = this.clients.newUser();
		HttpClient http = HttpClient.newHttpClient();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 36; i++) {
			statuses.add(http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.clients.port() + "/api/auth/token"))
					.header("Content-Type", "application/json")
					.header("X-Forwarded-For", "203.0.113." + i)
					.POST(HttpRequest.BodyPublishers.ofString(this.clients.json()
						.writeValueAsString(Map.of("username", alice.username(), "password", TestClients.PASSWORD))))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode());
		}
		assertThat(statuses).contains(429);
	}

}
