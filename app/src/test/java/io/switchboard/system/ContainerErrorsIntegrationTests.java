package io.switchboard.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before they reach a controller, by the servlet container or by Spring
 * Security's firewall, are {@code application/problem+json} with a {@code code} like
 * every other REST error (PROTOCOL.md section 5). Sent as raw HTTP, as a client that
 * makes such requests would send them.
 */
@ServerTest
class ContainerErrorsIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	TestClients clients;

	@Test
	void requestHeaderOf100KilobytesIsAProblemNotTomcatsHtmlPage() throws IOException {
		RawResponse response = raw("GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(100_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(400);
		assertProblem(response.contentType(), json(response.body()), 400, "bad_request");
	}

	@Test
	void malformedUriIsAProblemNotTomcatsHtmlPage() throws IOException {
		RawResponse response = raw("GET /api/channels/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(400);
		assertProblem(response.contentType(), json(response.body()), 400, "bad_request");
	}

	@Test
	void semicolonInThePathIsAProblemNotSpringsDefaultBody() throws Exception {
		TestUser alice = this.clients.newUser();
		for (String path : new String[] { "/api/channels;x=1", "/api/channels/1;jsessionid=x" }) {
			HttpResponse<String> response = get(alice, path);
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			JsonNode problem = json(response.body());
			assertProblem(response.headers().firstValue("Content-Type").orElse(""), problem, 400, "bad_request");
			assertThat(problem.get("detail").asString()).contains(";");
			assertThat(problem.has("timestamp")).isFalse();
		}
	}

	@Test
	void encodedSlashInThePathIsAProblem() throws Exception {
		HttpResponse<String> response = get(this.clients.newUser(), "/api/channels/1%2F2");
		assertThat(response.statusCode()).isEqualTo(400);
		assertProblem(response.headers().firstValue("Content-Type").orElse(""), json(response.body()), 400,
				"bad_request");
	}

	@Test
	void unknownPathIsNotFoundAsAProblem() throws Exception {
		HttpResponse<String> signedIn = get(this.clients.newUser(), "/api/nothing-here");
		assertThat(signedIn.statusCode()).isEqualTo(404);
		JsonNode problem = json(signedIn.body());
		assertProblem(signedIn.headers().firstValue("Content-Type").orElse(""), problem, 404, "not_found");
		assertThat(problem.get("detail").asString()).isEqualTo("no resource at /api/nothing-here");
		HttpResponse<String> outside = this.http.send(HttpRequest.newBuilder(uri("/nothing-here")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(outside.statusCode()).isEqualTo(404);
		assertProblem(outside.headers().firstValue("Content-Type").orElse(""), json(outside.body()), 404, "not_found");
	}

	@Test
	void unsupportedMethodIsAProblemThatSaysWhichAreAllowed() throws Exception {
		TestUser alice = this.clients.newUser();
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/me/settings"))
			.header("Authorization", "Bearer " + alice.token())
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(405);
		assertProblem(response.headers().firstValue("Content-Type").orElse(""), json(response.body()), 405,
				"bad_request");
		assertThat(response.headers().firstValue("Allow").orElse("")).contains("GET", "PUT");
	}

	private HttpResponse<String> get(TestUser user, String path) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + user.token()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.clients.port() + path);
	}

	private JsonNode json(String body) {
		return this.clients.json().readTree(body);
	}

	private static void assertProblem(String contentType, JsonNode problem, int status, String code) {
		assertThat(contentType).startsWith("application/problem+json");
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	/**
	 * Sends the bytes as they are, which no HTTP client library would, and reads the
	 * whole answer.
	 */
	private RawResponse raw(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.clients.port()), 5_000);
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int blank = response.indexOf("\r\n\r\n");
			String head = response.substring(0, blank);
			String contentType = "";
			for (String line : head.split("\r\n")) {
				if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
					contentType = line.substring("content-type:".length()).strip();
				}
			}
			return new RawResponse(Integer.parseInt(head.split(" ")[1]), contentType, response.substring(blank + 4));
		}
	}

	private record RawResponse(int status, String contentType, String body) {

	}

}
