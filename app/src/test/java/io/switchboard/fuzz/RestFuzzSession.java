package io.switchboard.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends REST requests with one user's token, one at a time, and checks each answer
 * against PROTOCOL.md section 5: never a server error, and every refusal problem+json
 * with the code its status stands for.
 */
final class RestFuzzSession {

	private static final Map<Integer, String> CODES = Map.of(401, "unauthorized", 403, "forbidden", 404, "not_found",
			409, "conflict", 429, "rate_limited");

	private static final Set<String> CODES_OF_THE_CONTRACT = Set.of("bad_request", "unauthorized", "forbidden",
			"not_found", "rate_limited", "conflict", "unavailable", "internal");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private final String token;

	private final JsonMapper json;

	private final AtomicLong sent = new AtomicLong();

	RestFuzzSession(int port, String token, JsonMapper json) {
		this.base = "http://localhost:" + port;
		this.token = token;
		this.json = json;
	}

	void check(List<FuzzRequest> batch) throws IOException, InterruptedException {
		for (FuzzRequest request : batch) {
			HttpResponse<byte[]> response = send(request);
			this.sent.incrementAndGet();
			int status = response.statusCode();
			assertThat(status).as("status of %s", request).isBetween(200, 499);
			if (status >= 400) {
				assertThat(response.headers().firstValue("Content-Type"))
					.as("content type of the %s answer to %s", status, request)
					.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
				JsonNode problem = this.json.readTree(response.body());
				String code = problem.path("code").asString("");
				assertThat(code).as("code of the %s answer to %s", status, request).isIn(CODES_OF_THE_CONTRACT);
				assertThat(code).as("code of the %s answer to %s", status, request)
					.isEqualTo(CODES.getOrDefault(status, "bad_request"));
				assertThat(problem.path("status").asInt()).isEqualTo(status);
			}
		}
	}

	private HttpResponse<byte[]> send(FuzzRequest request) throws IOException, InterruptedException {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + request.path()))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.token)
			.method(request.method(), (request.body().length == 0 && "GET".equals(request.method()))
					? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
		if (request.contentType() != null && !request.contentType().isEmpty()) {
			builder.header("Content-Type", request.contentType());
		}
		return this.http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	long sent() {
		return this.sent.get();
	}

}
