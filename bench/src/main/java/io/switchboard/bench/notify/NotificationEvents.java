package io.switchboard.bench.notify;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads which run a notification event belongs to. A connected session gets one event per
 * run, so parsing it whole costs nothing worth avoiding, and unlike a byte search it does
 * not care how the server orders or spaces its fields.
 */
final class NotificationEvents {

	// Thread-safe once built; every session's event loop shares it.
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private NotificationEvents() {
	}

	/**
	 * The {@code data.run} marker of a {@code "type":"notification"} event, or null for
	 * any other body.
	 */
	static @Nullable String runOf(String body) {
		JsonNode event;
		try {
			event = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
		if (!"notification".equals(event.path("type").asString(""))) {
			return null;
		}
		JsonNode run = event.path("data").path("run");
		return run.isString() ? run.stringValue() : null;
	}

}
