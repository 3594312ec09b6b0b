package io.switchboard.system;

import java.util.Map;

import io.switchboard.SwitchboardApplication;
import io.switchboard.test.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile refuses the defaults that are only safe for a demo, and seeds
 * nothing.
 */
class ProductionProfileTests {

	private static final String OWN_SECRET = "a-production-secret-of-at-least-32-bytes-0123456789";

	@Test
	void refusesToStartWithTheDemoTokenSecret() {
		assertThatThrownBy(() -> start(postgres()).close()).hasStackTraceContaining("needs its own token secret");
	}

	@Test
	void refusesToStartOnTheEmbeddedH2Database() {
		assertThatThrownBy(() -> start("switchboard.security.jwt-secret=" + OWN_SECRET).close())
			.hasStackTraceContaining("needs PostgreSQL");
	}

	@Test
	void startsWithItsOwnSecretOnPostgresqlAndSeedsNoDemoAccounts() {
		String[] properties = postgres();
		String[] withSecret = java.util.Arrays.copyOf(properties, properties.length + 1);
		withSecret[properties.length] = "switchboard.security.jwt-secret=" + OWN_SECRET;
		try (ConfigurableApplicationContext server = start(withSecret)) {
			int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			HttpStatus status = RestClient.create("http://localhost:" + port)
				.post()
				.uri("/api/auth/token")
				.body(Map.of("username", "alice", "password", "demo"))
				.exchange((request, response) -> {
					response.bodyTo(JsonNode.class);
					return HttpStatus.valueOf(response.getStatusCode().value());
				});
			assertThat(status).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	private static String[] postgres() {
		TestDatabase database = TestDatabase.get();
		return new String[] { "spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password() };
	}

	private static ConfigurableApplicationContext start(String... properties) {
		String[] arguments = java.util.Arrays.stream(properties)
			.map((property) -> "--" + property)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(SwitchboardApplication.class).profiles("prod")
			.properties("server.port=0")
			.run(arguments);
	}

}
