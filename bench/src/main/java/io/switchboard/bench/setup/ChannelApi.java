package io.switchboard.bench.setup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few REST calls a run makes: create a public channel, join it, read its sequence and
 * its messages.
 */
public final class ChannelApi {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final URI baseUrl;

	public ChannelApi(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Creates a public channel; its creator is its first member.
	 * @return the channel's id
	 */
	public long createPublicChannel(String token, String name) throws IOException, InterruptedException {
		String body = this.json.writeValueAsString(Map.of("name", name, "type", "public"));
		return call(token, "POST", "/api/channels", body).get("id").asLong();
	}

	public void join(String token, long channelId) throws IOException, InterruptedException {
		call(token, "POST", "/api/channels/" + channelId + "/join", "");
	}

	/**
	 * The sequence number of the channel's latest stored change.
	 */
	public long lastSeq(String token, long channelId) throws IOException, InterruptedException {
		return call(token, "GET", "/api/channels/" + channelId, null).get("lastSeq").asLong();
	}

	/**
	 * One page of the messages stored or changed after {@code sinceSeq}, oldest first:
	 * {@code {messages, seq, hasMore}}.
	 */
	public JsonNode messagesSince(String token, long channelId, long sinceSeq, int limit)
			throws IOException, InterruptedException {
		return call(token, "GET", "/api/channels/" + channelId + "/messages?sinceSeq=" + sinceSeq + "&limit=" + limit,
				null);
	}

	private JsonNode call(String token, String method, String path, @Nullable String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body().isBlank() ? this.json.createObjectNode() : this.json.readTree(response.body());
	}

}
