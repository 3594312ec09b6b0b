package io.switchboard.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import tools.jackson.databind.json.JsonMapper;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Generators of what a client controls in a SEND: destinations, headers, and payloads
 * that are valid, mutated, hostile or not JSON at all; and, at the end of some batches, a
 * frame no server can read.
 */
final class FuzzFrames {

	private static final AtomicLong receipts = new AtomicLong();

	private final JsonMapper json;

	private final long channelId;

	FuzzFrames(JsonMapper json, long channelId) {
		this.json = json;
		this.channelId = channelId;
	}

	/**
	 * Batches of {@code size} SENDs, one in ten ended by an unreadable frame.
	 */
	Gen<List<FuzzFrame>> batches(int size) {
		Gen<List<FuzzFrame>> sends = lists().of(send()).ofSize(size);
		return sends.zip(Generate.frequency(Pair.of(9, Generate.constant((FuzzFrame) null)), Pair.of(1, unreadable())),
				(batch, last) -> {
					List<FuzzFrame> frames = new ArrayList<>(batch);
					if (last != null) {
						frames.set(frames.size() - 1, last);
					}
					return frames;
				});
	}

	Gen<FuzzFrame> send() {
		return destination().zip(contentType(), header(), payload(),
				(destination, contentType, header, payload) -> FuzzFrame.send(withoutNul(destination),
						withoutNul(contentType), withoutNul(header.getKey()), withoutNul(header.getValue()), payload,
						"f-" + receipts.incrementAndGet()));
	}

	/**
	 * STOMP has no escape for NUL in a header: one there ends the frame, which the
	 * unreadable frames cover.
	 */
	private static String withoutNul(String header) {
		return header.replace("\0", "");
	}

	private Gen<String> destination() {
		String own = "/app/channel." + this.channelId;
		return Generate.frequency(Pair.of(10, Generate.constant(own + ".send")),
				Pair.of(4,
						Generate.pick(List.of(own + ".edit", own + ".delete", own + ".react", own + ".read",
								own + ".typing", own + ".moderate", "/app/presence.set", "/app/announcements.post"))),
				Pair.of(2, longs().all().map((id) -> "/app/channel." + id + ".send")),
				Pair.of(1,
						Generate.pick(List.of("/topic/channel." + this.channelId, "/user/queue/errors", "/queue/x",
								"/app/", "/app/channel..send", "/app/channel.1.send.extra", "", " "))),
				Pair.of(1, text(0, 300).map((random) -> "/app/" + random)));
	}

	private Gen<String> contentType() {
		return Generate.frequency(Pair.of(8, Generate.constant("application/json")),
				Pair.of(1,
						Generate.pick(List.of("text/plain", "application/json;charset=ISO-8859-1",
								"application/octet-stream", "application/json;charset=nonsense", "*/*", ""))),
				// ASCII: what the server parses is then exactly what was classified.
				Pair.of(1, strings().ascii().ofLengthBetween(0, 40)));
	}

	private Gen<Map.Entry<String, String>> header() {
		return Generate
			.frequency(Pair.of(8, Generate.constant(Map.entry("", ""))), Pair.of(
					1,
					Generate
						.pick(List.of("clientMessageId", "receipt", "destination", "content-type", "Authorization",
								"heart-beat", "subscription", "ack", "transaction"))
						.zip(text(0, 200), Map::entry)),
					Pair.of(1, text(1, 50).zip(text(0, 200), Map::entry)));
	}

	private Gen<String> payload() {
		return Generate.frequency(Pair.of(5, message()), Pair.of(3, FuzzJson.mutated(message())),
				Pair.of(2, FuzzJson.hostile()), Pair.of(1, text(0, 500)));
	}

	/**
	 * A message as a client would write it, with content that may hold anything: control
	 * characters, NUL, lone surrogates' replacements, emoji, or too much.
	 */
	private Gen<String> message() {
		Gen<String> content = Generate.frequency(Pair.of(12, text(0, 100)), Pair.of(1, text(3990, 4010)),
				Pair.of(1, strings().betweenCodePoints(0, 31).ofLengthBetween(1, 20)),
				Pair.of(1, strings().betweenCodePoints(0x1F300, 0x1FAFF).ofLengthBetween(1, 50)));
		Gen<Object> id = Generate.frequency(Pair.of(3, Generate.constant((Object) null)),
				Pair.of(1, longs().all().map((value) -> (Object) value)),
				Pair.of(1, text(0, 100).map((value) -> (Object) value)));
		return content.zip(id, id, Generate.pick(List.of("content", "emoji", "status", "action", "seq")),
				(text, clientMessageId, otherId, field) -> {
					Map<String, Object> message = new LinkedHashMap<>();
					message.put(field, text);
					message.put("content", text);
					message.put("clientMessageId", clientMessageId);
					message.put("replyToId", otherId);
					message.put("messageId", otherId);
					return this.json.writeValueAsString(message);
				});
	}

	/**
	 * Frames that break STOMP itself.
	 */
	private Gen<FuzzFrame> unreadable() {
		return Generate.pick(List.of(FuzzFrame.unreadable("BOGUS\n\n\0"),
				FuzzFrame.unreadable("SEND\ndestination:/app/x\\q\n\n\0"),
				FuzzFrame.unreadable("send\ndestination:/app/channel." + this.channelId + ".send\n\n{}\0"),
				FuzzFrame.unreadable(
						"SEND\ndestination:/app/channel." + this.channelId + ".send\n\n" + "x".repeat(70_000) + "\0")));
	}

	private static Gen<String> text(int min, int max) {
		return strings().allPossible().ofLengthBetween(min, max);
	}

}
