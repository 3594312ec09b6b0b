package io.switchboard.system;

import java.util.List;
import java.util.Map;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NUL and the other control characters, but line breaks and tabs, are refused wherever
 * people's text comes in, as a {@code bad_request} naming the field: PostgreSQL cannot
 * store NUL, and no name or message needs the others.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class ControlCharactersIntegrationTests {

	private static final String RULE = "must not contain control characters other than line breaks and tabs";

	@Autowired
	TestClients clients;

	@Test
	void nulInContentIsABadRequestOverStompAndRest(CapturedOutput output) {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public");
		String send = "/app/channel." + channelId + ".send";
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			Inbox channel = client.subscribe("/topic/channel." + channelId);
			client.send(send, Map.of("content", "a\0b", "clientMessageId", "nul-1"));
			JsonNode refused = errors.next();
			assertThat(refused.get("code").asString()).isEqualTo("bad_request");
			assertThat(refused.get("message").asString()).isEqualTo("content: " + RULE);
			assertThat(refused.get("clientMessageId").asString()).isEqualTo("nul-1");
			client.send(send, Map.of("content", "bell\u0007"));
			assertThat(errors.next().get("message").asString()).isEqualTo("content: " + RULE);

			// Line breaks and tabs are text.
			client.sendAndAwaitReceipt(send, Map.of("content", "line one\r\n\tline two"));
			JsonNode stored = channel.next().get("message");
			assertThat(stored.get("content").asString()).isEqualTo("line one\r\n\tline two");
			client.send("/app/channel." + channelId + ".edit",
					Map.of("messageId", stored.get("id").asLong(), "content", "\0"));
			assertThat(errors.next().get("message").asString()).isEqualTo("content: " + RULE);

			assertThat(detail(this.clients.rest(alice)
				.post()
				.uri("/api/channels/{id}/messages", channelId)
				.body(Map.of("content", "a\0b")))).isEqualTo("content: " + RULE);
			assertThat(detail(this.clients.rest(alice)
				.patch()
				.uri("/api/messages/{id}", stored.get("id").asLong())
				.body(Map.of("content", "a\0b")))).isEqualTo("content: " + RULE);
		}
		assertThat(this.clients.messages(alice, channelId, "sinceSeq=0").get("messages"))
			.extracting((message) -> message.get("content").asString())
			.containsExactly("line one\r\n\tline two");
		assertThat(output.getOut()).doesNotContain("Unexpected failure").doesNotContain("0x00");
	}

	@Test
	void controlCharactersInNamesAndTitlesAreBadRequestsNamingTheField(CapturedOutput output) {
		TestUser alice = this.clients.newUser();
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser publisher = this.clients.newUser(Role.PUBLISHER);
		long channelId = this.clients.createChannel(alice, "public");
		RestClient rest = this.clients.rest(alice);
		assertThat(detail(rest.post().uri("/api/channels").body(Map.of("name", "a\0b", "type", "public"))))
			.isEqualTo("name: " + RULE);
		assertThat(detail(rest.post()
			.uri("/api/channels")
			.body(Map.of("name", "fine", "type", "public", "description", "\u001b[31mred"))))
			.isEqualTo("description: " + RULE);
		assertThat(detail(rest.patch().uri("/api/me").body(Map.of("displayName", "Al\0ice"))))
			.isEqualTo("displayName: " + RULE);
		assertThat(detail(rest.get().uri("/api/users?query={q}", "a\0"))).isEqualTo("query: " + RULE);
		assertThat(detail(rest.put().uri("/api/me/settings").body(Map.of("theme", "dark\0"))))
			.isEqualTo("settings: names and strings " + RULE);
		assertThat(detail(rest.delete()
			.uri("/api/channels/{id}/members/{user}?reason={reason}", channelId, admin.id(), "spam\0")))
			.isEqualTo("reason: " + RULE);
		assertThat(detail(rest.post()
			.uri("/api/channels/{id}/mutes", channelId)
			.body(Map.of("userId", admin.id(), "reason", "\0")))).isEqualTo("reason: " + RULE);

		RestClient asAdmin = this.clients.rest(admin);
		assertThat(detail(asAdmin.post()
			.uri("/api/admin/users")
			.body(Map.of("username", "nul" + System.nanoTime() % 100_000, "password", "long enough password",
					"displayName", "x\0"))))
			.isEqualTo("displayName: " + RULE);
		assertThat(detail(asAdmin.patch().uri("/api/admin/users/{id}", alice.id()).body(Map.of("displayName", "\0"))))
			.isEqualTo("displayName: " + RULE);
		assertThat(detail(
				asAdmin.post().uri("/api/admin/badges").body(Map.of("name", "b\0", "color", "#112233", "priority", 1))))
			.isEqualTo("name: " + RULE);
		assertThat(detail(asAdmin.post()
			.uri("/api/admin/workspaces")
			.body(Map.of("name", "w\0", "admin", Map.of("username", "first", "password", "long enough password")))))
			.isEqualTo("name: " + RULE);
		assertThat(detail(
				asAdmin.post().uri("/api/announcements").body(Map.of("title", "t\0", "body", "b", "severity", "info"))))
			.isEqualTo("title: " + RULE);
		assertThat(detail(
				asAdmin.post().uri("/api/announcements").body(Map.of("title", "t", "body", "b\0", "severity", "info"))))
			.isEqualTo("body: " + RULE);
		assertThat(detail(this.clients.rest(publisher)
			.post()
			.uri("/api/notifications")
			.body(Map.of("recipients", List.of(alice.id()), "kind", "system", "title", "t\0", "body", "b"))))
			.isEqualTo("title: " + RULE);
		assertThat(detail(this.clients.rest(publisher)
			.post()
			.uri("/api/notifications")
			.body(Map.of("recipients", List.of(alice.id()), "kind", "system", "title", "t", "body", "\u0085"))))
			.isEqualTo("body: " + RULE);

		try (StompClient client = this.clients.connect(admin)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.send("/app/announcements.post", Map.of("title", "t", "body", "b\0", "severity", "info"));
			JsonNode refused = errors.next();
			assertThat(refused.get("code").asString()).isEqualTo("bad_request");
			assertThat(refused.get("message").asString()).isEqualTo("body: " + RULE);
			client.send("/app/presence.set", Map.of("status", "busy", "statusText", "\0"));
			assertThat(errors.next().get("message").asString()).startsWith("statusText: must not contain control");
			client.send("/app/channel." + channelId + ".moderate",
					Map.of("action", "mute", "userId", alice.id(), "reason", "\0"));
			assertThat(errors.next().get("message").asString()).isEqualTo("reason: " + RULE);
		}
		assertThat(output.getOut()).doesNotContain("Unexpected failure").doesNotContain("0x00");
	}

	/**
	 * The {@code detail} of a {@code 400 bad_request} problem.
	 */
	private static String detail(RestClient.RequestHeadersSpec<?> request) {
		ResponseEntity<JsonNode> response = request.exchange((req, res) -> ResponseEntity.status(res.getStatusCode())
			.headers(res.getHeaders())
			.body(res.bodyTo(JsonNode.class)));
		assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("code").asString()).isEqualTo("bad_request");
		return response.getBody().get("detail").asString();
	}

}
