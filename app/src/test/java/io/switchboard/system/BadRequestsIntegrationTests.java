package io.switchboard.system;

import java.util.Map;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code bad_request} names the field and the rule it broke, over REST and over STOMP
 * in the same words (PROTOCOL.md section 5).
 */
@ServerTest
class BadRequestsIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void everyFieldThatFailsValidationIsNamedWithItsRule() {
		TestUser alice = this.clients.newUser();
		assertThat(detail(this.clients.rest(alice)
			.post()
			.uri("/api/channels")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":\" \",\"description\":\"" + "d".repeat(501) + "\"}")))
			.isEqualTo("description: size must be between 0 and 500; name: must not be blank; type: must not be null");
	}

	@Test
	void unknownEnumValueListsTheValuesTheFieldTakes() {
		TestUser alice = this.clients.newUser();
		assertThat(detail(json(alice, "/api/channels", "{\"name\":\"x\",\"type\":\"secret-society\"}")))
			.isEqualTo("type: must be one of public, private, announcement, support, direct, group");
	}

	@Test
	void valueOfTheWrongJsonTypeNamesTheFieldAndTheTypeItTakes() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public");
		assertThat(detail(json(alice, "/api/channels", "{\"name\":[1],\"type\":\"public\"}")))
			.isEqualTo("name: must be a string");
		assertThat(detail(json(alice, "/api/channels/" + channelId + "/read", "{\"seq\":\"soon\"}")))
			.isEqualTo("seq: must be a number");
		assertThat(detail(json(alice, "/api/direct", "{\"userIds\":[1,\"two\"]}")))
			.isEqualTo("userIds[1]: must be a number");
		assertThat(detail(
				json(alice, "/api/channels/" + channelId + "/mutes", "{\"userId\":1,\"until\":\"next tuesday\"}")))
			.isEqualTo("until: must be a time in ISO-8601, such as 2030-01-31T12:00:00Z");
	}

	@Test
	void malformedJsonSaysWhereItBroke() {
		TestUser alice = this.clients.newUser();
		assertThat(detail(json(alice, "/api/channels", "{\"name\":\n  \"x\" \"type\"}")))
			.isEqualTo("malformed JSON at line 2, column 7");
	}

	@Test
	void badRequestParametersAreNamedWithWhatTheyTake() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public");
		RestClient rest = this.clients.rest(alice);
		assertThat(detail(rest.get().uri("/api/channels/" + channelId + "/messages?limit=ten")))
			.isEqualTo("limit: must be a number");
		assertThat(detail(rest.get().uri("/api/channels/" + channelId + "/messages?limit=0")))
			.isEqualTo("limit: must be between 1 and 100");
		assertThat(detail(rest.get().uri("/api/users?limit=0"))).isEqualTo("limit: must be greater than or equal to 1");
		assertThat(detail(rest.get().uri("/api/channels/seven"))).isEqualTo("channelId: must be a number");
		assertThat(detail(rest.get().uri("/api/notifications?unreadOnly=maybe")))
			.isEqualTo("unreadOnly: must be true or false");
		assertThat(detail(rest.get().uri("/api/search"))).isEqualTo("q: must be given");
	}

	@Test
	void stompPayloadsAreRefusedInTheWordsRestUses() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public");
		String send = "/app/channel." + channelId + ".send";
		try (StompClient client = this.clients.connect(alice)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.send(send, "{\"content\":");
			assertBadRequest(errors.next(), "malformed JSON at line 1, column 12");
			client.send(send, "{\"content\":\"  \"}");
			assertBadRequest(errors.next(), "content: must not be empty");
			client.send(send, "{\"content\":[\"hi\"]}");
			assertBadRequest(errors.next(), "content: must be a string");
			client.send(send, "{\"content\":\"hi\",\"replyToId\":\"the last one\"}");
			assertBadRequest(errors.next(), "replyToId: must be a number");
			client.send("/app/presence.set", "{\"status\":\"sleepy\"}");
			assertBadRequest(errors.next(), "status: must be one of online, away, busy, offline");
		}
		assertThat(detail(json(alice, "/api/channels/" + channelId + "/messages", "{\"content\":[\"hi\"]}")))
			.isEqualTo("content: must be a string");
		assertThat(detail(json(alice, "/api/channels/" + channelId + "/messages", "{\"content\":\"  \"}")))
			.isEqualTo("content: must not be empty");
	}

	private static void assertBadRequest(JsonNode error, String message) {
		assertThat(error.get("code").asString()).isEqualTo("bad_request");
		assertThat(error.get("message").asString()).isEqualTo(message);
	}

	private RestClient.RequestHeadersSpec<?> json(TestUser user, String path, String body) {
		return this.clients.rest(user).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body);
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
