package io.switchboard.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.json.JsonMapper;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Generators of what a client controls in a REST call: the ids in the path, the query,
 * the content type and a JSON body that is plausible, mutated, hostile, not JSON, or not
 * even UTF-8. Every API write a member can make is here, but those that would end the
 * fuzzer's own account or password, which would only turn the rest into 401s.
 */
final class FuzzRequests {

	private record Endpoint(String method, String path, List<String> fields) {
	}

	private static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("POST", "/api/channels", List.of("name", "type", "description")),
			new Endpoint("POST", "/api/channels/{c}/messages",
					List.of("content", "replyToId", "clientMessageId", "attachments")),
			new Endpoint("PATCH", "/api/messages/{m}", List.of("content")),
			new Endpoint("DELETE", "/api/messages/{m}", List.of()),
			new Endpoint("POST", "/api/messages/{m}/reactions", List.of("emoji", "add")),
			new Endpoint("POST", "/api/channels/{c}/read", List.of("seq")),
			new Endpoint("POST", "/api/channels/{c}/typing", List.of("typing")),
			new Endpoint("PUT", "/api/channels/{c}/preferences", List.of("notifications", "muted")),
			new Endpoint("POST", "/api/channels/{c}/members", List.of("userId", "role")),
			new Endpoint("PATCH", "/api/channels/{c}/members/{u}", List.of("role")),
			new Endpoint("POST", "/api/channels/{c}/join", List.of()),
			new Endpoint("POST", "/api/channels/{c}/mutes", List.of("userId", "until", "reason")),
			new Endpoint("POST", "/api/channels/{c}/bans", List.of("userId", "until", "reason")),
			new Endpoint("POST", "/api/direct", List.of("userIds")),
			new Endpoint("PUT", "/api/me/settings", List.of("theme", "compact", "sound", "lastChannel")),
			new Endpoint("PATCH", "/api/me", List.of("displayName", "statusText")),
			new Endpoint("PUT", "/api/me/presence", List.of("status")),
			new Endpoint("PUT", "/api/me/notification-preferences", List.of("trade", "system", "mentions")),
			new Endpoint("POST", "/api/users/{u}/block", List.of()),
			new Endpoint("POST", "/api/notifications", List.of("kind", "recipients", "title", "body", "data")),
			new Endpoint("POST", "/api/notifications/{n}/read", List.of()),
			new Endpoint("POST", "/api/announcements", List.of("title", "body")),
			new Endpoint("POST", "/api/admin/users", List.of("username", "password", "roles")),
			new Endpoint("POST", "/api/auth/token/renew", List.of()),
			new Endpoint("GET", "/api/channels/{c}/messages?before={q}&limit={q}", List.of()),
			new Endpoint("GET", "/api/channels/{c}/messages?sinceSeq={q}&limit={q}", List.of()),
			new Endpoint("GET", "/api/messages/{m}/replies?after={q}&limit={q}", List.of()),
			new Endpoint("GET", "/api/users?query={q}", List.of()),
			new Endpoint("GET", "/api/search?q={q}&channelId={c}&limit={q}", List.of()),
			new Endpoint("GET", "/api/presence?userIds={q}", List.of()));

	private final JsonMapper json;

	private final List<String> channels;

	private final List<String> messages;

	private final List<String> users;

	/**
	 * @param channels ids of channels the fuzzer is in, and of some it is not
	 * @param messages ids of messages likewise
	 * @param users ids of the fuzzer and of others
	 */
	FuzzRequests(JsonMapper json, List<Long> channels, List<Long> messages, List<Long> users) {
		this.json = json;
		this.channels = ids(channels);
		this.messages = ids(messages);
		this.users = ids(users);
	}

	private static List<String> ids(List<Long> known) {
		List<String> ids = new ArrayList<>(known.stream().map(String::valueOf).toList());
		ids.addAll(List.of("0", "-1", "9223372036854775807", "99999999999999999999", "abc", "1e3", "%20", "%2F",
				"1;x=1", "1.5"));
		return ids;
	}

	Gen<List<FuzzRequest>> batches(int size) {
		return lists().of(request()).ofSize(size);
	}

	private Gen<FuzzRequest> request() {
		return Generate.frequency(ENDPOINTS.stream().map((endpoint) -> Pair.of(1, request(endpoint))).toList());
	}

	private Gen<FuzzRequest> request(Endpoint endpoint) {
		Gen<String> path = Generate.pick(this.channels)
			.zip(Generate.pick(this.messages), Generate.pick(this.users), query(),
					(channel, message, user, query) -> endpoint.path()
						.replace("{c}", channel)
						.replace("{m}", message)
						.replace("{n}", message)
						.replace("{u}", user)
						.replace("{q}", query));
		return path.zip(contentType(), body(endpoint),
				(uri, contentType, body) -> new FuzzRequest(endpoint.method(), uri, contentType, body));
	}

	/**
	 * A query parameter's value: ASCII that is valid in a URI, numbers near the limits.
	 */
	private static Gen<String> query() {
		return Generate.frequency(Pair.of(3, integers().between(-5, 1100).map((number) -> Integer.toString(number))),
				Pair.of(1,
						Generate.pick(List.of("", "x", "9223372036854775808", "-9223372036854775808", "1,2,3", "%00",
								"%C3%28", "%E2%82%AC", "a%20b"))),
				Pair.of(1, strings().betweenCodePoints('a', 'z').ofLengthBetween(0, 30)));
	}

	private static Gen<String> contentType() {
		return Generate.frequency(Pair.of(8, Generate.constant("application/json")),
				Pair.of(1,
						Generate.pick(List.of("", "text/plain", "application/json;charset=ISO-8859-1",
								"application/x-www-form-urlencoded", "multipart/form-data", "application/xml",
								"application/json;charset=nonsense", "*/*", "application/problem+json"))));
	}

	private Gen<byte[]> body(Endpoint endpoint) {
		Gen<String> plausible = plausible(endpoint.fields());
		return Generate.frequency(Pair.of(5, plausible.map(FuzzRequests::utf8)),
				Pair.of(3, FuzzJson.mutated(plausible).map(FuzzRequests::utf8)),
				Pair.of(2, FuzzJson.hostile().map(FuzzRequests::utf8)),
				Pair.of(1, strings().allPossible().ofLengthBetween(0, 200).map(FuzzRequests::utf8)),
				Pair.of(1,
						Generate.pick(List.of(new byte[0], new byte[] { (byte) 0xC3, 0x28 },
								new byte[] { '{', '"', 'c', '"', ':', '"', (byte) 0xFF, '"', '}' },
								new byte[] { (byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}' }))));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * An object with the endpoint's fields (some left out), each a value that is valid
	 * for some field or random.
	 */
	private Gen<String> plausible(List<String> fields) {
		Gen<Map<String, Object>> object = Generate.constant(() -> new LinkedHashMap<>());
		for (String field : fields) {
			object = object.zip(booleans().all(), value(), (map, present, value) -> {
				if (present) {
					map.put(field, value);
				}
				return map;
			});
		}
		return object.map(this.json::writeValueAsString);
	}

	private Gen<Object> value() {
		return Generate.frequency(
				Pair.of(4,
						Generate.pick(List.of("public", "private", "announcement", "support", "all", "mentions", "none",
								"member", "admin", "moderator", "online", "away", "trade", "system", "👍", "dark",
								"2030-01-01T00:00:00Z", "PT5M", "fuzz"))),
				Pair.of(2, Generate.pick(this.users).map((id) -> (Object) id)),
				Pair.of(2, strings().allPossible().ofLengthBetween(0, 60).map((text) -> (Object) text)),
				Pair.of(1, strings().betweenCodePoints(0, 31).ofLengthBetween(1, 10).map((text) -> (Object) text)),
				Pair.of(1, longs().all().map((number) -> (Object) number)),
				Pair.of(1, booleans().all().map((bool) -> (Object) bool)), Pair.of(1, Generate.constant((Object) null)),
				Pair.of(1, lists().of(integers().between(-1, 5)).ofSizeBetween(0, 5).map((list) -> (Object) list)),
				Pair.of(1, Generate.constant((Object) Map.of("nested", List.of(1, "two", Map.of())))));
	}

}
