package io.switchboard.broker;

import io.switchboard.test.ServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a separate management port, scrapers read the metrics there without a token; the
 * application port still asks for one.
 */
@ServerTest(properties = "management.server.port=0")
class ManagementPortMetricsIntegrationTests {

	@Value("${local.management.port}")
	int managementPort;

	@Value("${local.server.port}")
	int serverPort;

	@Test
	void metricsNeedNoTokenOnTheManagementPortOnly() {
		String metrics = RestClient.create("http://localhost:" + this.managementPort + "/actuator/prometheus")
			.get()
			.retrieve()
			.body(String.class);
		assertThat(metrics).contains("switchboard_sessions ");
		assertThat(MetricsIntegrationTests
			.status(RestClient.create("http://localhost:" + this.serverPort).get().uri("/actuator/prometheus")))
			.isEqualTo(401);
	}

}
