package io.switchboard.system;

import java.net.URI;
import java.util.Map;

import io.switchboard.test.ServerTest;
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
 * REST errors are {@code application/problem+json} with the wire code as {@code code}
 * (PROTOCOL.md section 5).
 */
@ServerTest
class RestErrorsIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void apiWithoutTokenIsUnauthorized() {
		assertProblem(this.clients.anonymousRest().get().uri("/api/me"), 401, "unauthorized");
	}

	@Test
	void apiWithGarbageTokenIsUnauthorized() {
		assertProblem(this.clients.rest("not.a.jwt").get().uri("/api/channels"), 401, "unauthorized");
	}

	@Test
	void wrongPasswordIsUnauthorizedAndUnknownUserLooksTheSame() {
		TestUser alice = this.clients.newUser();
		String wrongPassword = assertProblem(this.clients.anonymousRest()
			.post()
			.uri("/api/auth/token")
			.body(Map.of("username", alice.username(), "password", "wrong")), 401, "unauthorized");
		String unknownUser = assertProblem(this.clients.anonymousRest()
			.post()
			.uri("/api/auth/token")
			.body(Map.of("username", alice.username() + "x", "password", "wrong")), 401, "unauthorized");
		assertThat(unknownUser).isEqualTo(wrongPassword);
	}

	@Test
	void correctPasswordGetsABearerToken() {
		TestUser alice = this.clients.newUser();
		JsonNode token = this.clients.anonymousRest()
			.post()
			.uri("/api/auth/token")
			.body(Map.of("username", alice.username(), "password", TestClients.PASSWORD))
			.retrieve()
			.body(JsonNode.class);
		assertThat(token.get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(token.get("expiresIn").asLong()).isEqualTo(3600);
		JsonNode me = this.clients.rest(token.get("accessToken").asString())
			.get()
			.uri("/api/me")
			.retrieve()
			.body(JsonNode.class);
		assertThat(me.get("id").asLong()).isEqualTo(alice.id());
	}

	@Test
	void malformedJsonAndInvalidFieldsAreBadRequests() {
		TestUser alice = this.clients.newUser();
		assertProblem(this.clients.rest(alice)
			.post()
			.uri("/api/channels")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":"), 400, "bad_request");
		assertProblem(this.clients.rest(alice).post().uri("/api/channels").body(Map.of("name", " ", "type", "public")),
				400, "bad_request");
		assertProblem(this.clients.rest(alice)
			.post()
			.uri("/api/channels")
			.body(Map.of("name", "x", "type", "secret-society")), 400, "bad_request");
	}

	@Test
	void aContentTypeThatIsNoConcreteMediaTypeIsUnsupported() {
		TestUser alice = this.clients.newUser();
		String detail = assertProblem(this.clients.rest(alice)
			.post()
			.uri("/api/channels")
			.header("Content-Type", "*/*")
			.body("{\"name\":\"x\",\"type\":\"public\"}"), 415, "bad_request");
		assertThat(detail).startsWith("Content-Type: must be a concrete media type");
	}

	@Test
	void aQueryThatIsNotPercentEncodedUtf8IsABadRequest() {
		TestUser alice = this.clients.newUser();
		String detail = assertProblem(
				this.clients.rest(alice)
					.get()
					.uri(URI.create("http://localhost:" + this.clients.port() + "/api/search?q=%C3%28")),
				400, "bad_request");
		assertThat(detail).isEqualTo("query: must be percent-encoded UTF-8");
	}

	@Test
	void unknownChannelIsNotFound() {
		TestUser alice = this.clients.newUser();
		assertProblem(this.clients.rest(alice).post().uri("/api/channels/{id}/join", Long.MAX_VALUE), 404, "not_found");
	}

	private static String assertProblem(RestClient.RequestHeadersSpec<?> request, int status, String code) {
		ResponseEntity<JsonNode> response = request.exchange((req, res) -> ResponseEntity.status(res.getStatusCode())
			.headers(res.getHeaders())
			.body(res.bodyTo(JsonNode.class)));
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("code").asString()).isEqualTo(code);
		return response.getBody().get("detail").asString();
	}

}
