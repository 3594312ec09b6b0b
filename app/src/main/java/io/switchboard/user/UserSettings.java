package io.switchboard.user;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.switchboard.system.ControlCharacters;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A user's client preferences: one JSON object of the client's choosing, kept as the text
 * it sent, so that it reads back exactly as written. In the user's export; gone at
 * erasure.
 */
@Component
class UserSettings implements PersonalData {

	static final int MAX_BYTES = 16 * 1024;

	private static final String NONE = "{}";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	UserSettings(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The user's settings as JSON text, {@code {}} if they never set any.
	 */
	String of(long userId) {
		return this.jdbc
			.query("select settings from user_settings where user_id = ?", (row, i) -> row.getString(1), userId)
			.stream()
			.findFirst()
			.orElse(NONE);
	}

	/**
	 * Replaces the user's settings with a JSON object of at most {@link #MAX_BYTES} bytes
	 * of UTF-8.
	 * @return the settings as stored
	 */
	String replace(long userId, String settings) {
		String text = settings.strip();
		int bytes = text.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > MAX_BYTES) {
			throw RequestRefused
				.badRequest("settings are " + bytes + " bytes of UTF-8 JSON; at most " + MAX_BYTES + " are kept");
		}
		requireObject(text);
		Object[] row = { text, Timestamps.forJdbc(Timestamps.now()), userId };
		// Without a transaction, each statement on its own: an insert that loses a race
		// with the same user's other request leaves a row the update then finds.
		if (this.jdbc.update("update user_settings set settings = ?, updated_at = ? where user_id = ?", row) == 0) {
			try {
				this.jdbc.update("insert into user_settings (settings, updated_at, user_id) values (?, ?, ?)", row);
			}
			catch (DuplicateKeyException raced) {
				this.jdbc.update("update user_settings set settings = ?, updated_at = ? where user_id = ?", row);
			}
		}
		return text;
	}

	private void requireObject(String text) {
		JsonNode settings;
		try {
			settings = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			settings = null;
		}
		if (settings == null || !settings.isObject()) {
			throw RequestRefused.badRequest("settings: must be one JSON object");
		}
		if (!plain(settings)) {
			throw RequestRefused.badRequest("settings: names and strings " + ControlCharacters.RULE);
		}
	}

	/**
	 * Whether every name and string in the JSON is free of control characters, written as
	 * escapes or not: the rule for everything people write.
	 */
	private static boolean plain(JsonNode node) {
		if (node.isString()) {
			return ControlCharacters.absent(node.asString());
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				if (!ControlCharacters.absent(property.getKey()) || !plain(property.getValue())) {
					return false;
				}
			}
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (!plain(element)) {
					return false;
				}
			}
		}
		return true;
	}

	@Override
	public String section() {
		return "settings";
	}

	@Override
	public void write(long userId, JsonGenerator out) {
		out.writeRawValue(of(userId));
	}

	/**
	 * In the erasing transaction.
	 */
	@EventListener
	void erased(AccountErased erased) {
		this.jdbc.update("delete from user_settings where user_id = ?", erased.userId());
	}

}
