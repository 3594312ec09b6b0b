package io.switchboard.web;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the server sends a browser before any script runs: the page and its libraries
 * without a token, under a Content-Security-Policy that lets no inline script run.
 */
@ServerTest
class WebClientPageTests {

	@Autowired
	TestClients clients;

	@Test
	void pageIsServedWithoutATokenUnderAPolicyThatAllowsNoInlineScript() {
		ResponseEntity<String> page = this.clients.anonymousRest().get().uri("/").retrieve().toEntity(String.class);

		assertThat(page.getStatusCode().value()).isEqualTo(200);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getBody()).contains("<script type=\"module\" src=\"/js/main.js\">");
		String policy = page.getHeaders().getFirst("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self'").contains("default-src 'self'").doesNotContain("unsafe");
	}

	@Test
	void stompAndSockJsComeFromTheJarWithoutAToken() {
		for (String path : new String[] { "/webjars/stomp__stompjs/esm6/index.js",
				"/webjars/stomp__stompjs/esm6/client.js", "/webjars/sockjs-client/dist/sockjs.min.js",
				"/js/main.js" }) {
			ResponseEntity<String> script = this.clients.anonymousRest()
				.get()
				.uri(path)
				.retrieve()
				.toEntity(String.class);
			assertThat(script.getStatusCode().value()).as(path).isEqualTo(200);
			assertThat(script.getHeaders().getContentType().toString()).as(path).startsWith("text/javascript");
		}
	}

	@Test
	void attachmentsKeepTheirOwnSandboxPolicy() {
		TestUser alice = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public");
		JsonNode upload = this.clients.uploaded(alice, channel, "page.html", MediaType.TEXT_HTML,
				"<script>alert(1)</script>".getBytes());

		HttpHeaders headers = this.clients.rest(alice)
			.get()
			.uri("/api/attachments/{id}", upload.get("id").asLong())
			.retrieve()
			.toBodilessEntity()
			.getHeaders();

		assertThat(headers.get("Content-Security-Policy")).containsExactly("sandbox");
	}

}
