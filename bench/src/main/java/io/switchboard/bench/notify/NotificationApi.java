package io.switchboard.bench.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/notifications}, the call the scenario times.
 */
public final class NotificationApi {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	// Storing 10,000 rows may take long on a slow machine; the scenario reports it rather
	// than giving up early.
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

	// HTTP/1.1 on one kept-alive connection: the default would try an h2c upgrade first,
	// which is no part of what a publisher waits for.
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(CONNECT_TIMEOUT)
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final URI endpoint;

	public NotificationApi(URI baseUrl) {
		this.endpoint = baseUrl.resolve("/api/notifications");
	}

	/**
	 * The request body for a system notification whose data carries the run's marker.
	 * Built apart from {@link #publish}, so that the time measured is the server's.
	 */
	String publication(List<Long> recipients, String run, int number) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recipients", recipients);
		body.put("kind", "system");
		body.put("title", "Bench notice");
		body.put("body", "Publication " + number + " of the notification benchmark.");
		body.put("data", Map.of("run", run));
		return this.json.writeValueAsString(body);
	}

	/**
	 * Publishes and waits for the whole answer.
	 * @throws IOException if the server answers anything but {@code 201}, or not at all
	 */
	PublishAnswer publish(String token, String publication) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(publication))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IOException("POST /api/notifications answered " + response.statusCode() + ": " + response.body());
		}
		JsonNode answer = this.json.readTree(response.body());
		List<Long> unknown = new ArrayList<>();
		answer.path("unknownRecipients").forEach((id) -> unknown.add(id.asLong()));
		return new PublishAnswer(answer.path("stored").asInt(-1), unknown);
	}

}
