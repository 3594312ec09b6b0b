package io.switchboard.notification;

import java.sql.Timestamp;

import io.switchboard.system.KeysetPages;
import io.switchboard.user.AccountErased;
import io.switchboard.user.PersonalData;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A user's notifications in their export, and gone when their account is erased.
 */
@Component
class NotificationData implements PersonalData {

	private static final int PAGE = 500;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	NotificationData(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public String section() {
		return "notifications";
	}

	@Override
	public void write(long userId, JsonGenerator out) {
		out.writeStartArray();
		KeysetPages.readAll(this.jdbc, "select id, kind, title, body, data, created_at, read_at from notifications "
				+ "where user_id = ? and id > ? order by id limit ?", userId, PAGE, (row) -> {
					out.writeStartObject();
					out.writeNumberProperty("id", row.getLong(1));
					out.writeStringProperty("kind", NotificationKind.valueOf(row.getString(2)).wireName());
					out.writeStringProperty("title", row.getString(3));
					out.writeStringProperty("body", row.getString(4));
					out.writePOJOProperty("data", this.json.readTree(row.getString(5)));
					out.writeStringProperty("createdAt", row.getTimestamp(6).toInstant().toString());
					Timestamp read = row.getTimestamp(7);
					out.writeStringProperty("readAt", (read != null) ? read.toInstant().toString() : null);
					out.writeEndObject();
				});
		out.writeEndArray();
	}

	/**
	 * In the erasing transaction: a notification is about its user.
	 */
	@EventListener
	void erased(AccountErased erased) {
		this.jdbc.update("delete from notifications where user_id = ?", erased.userId());
	}

}
