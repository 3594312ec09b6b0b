package io.switchboard.message;

import java.sql.Timestamp;

import io.switchboard.system.KeysetPages;
import io.switchboard.user.PersonalData;
import tools.jackson.core.JsonGenerator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The export's {@code messages}: every message the user wrote, read a page at a time so
 * that a prolific writer's export never sits in memory whole.
 */
@Component
class MessageData implements PersonalData {

	private static final int PAGE = 500;

	private final JdbcTemplate jdbc;

	MessageData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "messages";
	}

	@Override
	public void write(long userId, JsonGenerator out) {
		out.writeStartArray();
		KeysetPages.readAll(this.jdbc,
				"select id, channel_id, seq, content, reply_to_id, created_at, edited_at, deleted from messages "
						+ "where sender_id = ? and id > ? order by id limit ?",
				userId, PAGE, (row) -> {
					out.writeStartObject();
					out.writeNumberProperty("id", row.getLong(1));
					out.writeNumberProperty("channelId", row.getLong(2));
					out.writeNumberProperty("seq", row.getLong(3));
					out.writeStringProperty("content", row.getString(4));
					long replyTo = row.getLong(5);
					if (row.wasNull()) {
						out.writeNullProperty("replyToId");
					}
					else {
						out.writeNumberProperty("replyToId", replyTo);
					}
					out.writeStringProperty("createdAt", row.getTimestamp(6).toInstant().toString());
					Timestamp edited = row.getTimestamp(7);
					out.writeStringProperty("editedAt", (edited != null) ? edited.toInstant().toString() : null);
					out.writeBooleanProperty("deleted", row.getBoolean(8));
					out.writeEndObject();
				});
		out.writeEndArray();
	}

}
