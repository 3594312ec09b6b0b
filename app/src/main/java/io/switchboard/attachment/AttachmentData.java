package io.switchboard.attachment;

import java.util.List;

import io.switchboard.system.AfterCommit;
import io.switchboard.system.KeysetPages;
import io.switchboard.user.AccountErased;
import io.switchboard.user.PersonalData;
import tools.jackson.core.JsonGenerator;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A user's uploads in their export; at erasure, those no message took go, while sent ones
 * stay with their messages, as part of the conversation.
 */
@Component
class AttachmentData implements PersonalData {

	private static final int PAGE = 500;

	private final JdbcTemplate jdbc;

	private final AttachmentStorage storage;

	AttachmentData(JdbcTemplate jdbc, AttachmentStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	@Override
	public String section() {
		return "attachments";
	}

	@Override
	public void write(long userId, JsonGenerator out) {
		out.writeStartArray();
		KeysetPages.readAll(this.jdbc,
				"select id, channel_id, message_id, name, content_type, size, created_at from attachments "
						+ "where uploader_id = ? and id > ? order by id limit ?",
				userId, PAGE, (row) -> {
					out.writeStartObject();
					out.writeNumberProperty("id", row.getLong(1));
					out.writeNumberProperty("channelId", row.getLong(2));
					long messageId = row.getLong(3);
					if (row.wasNull()) {
						out.writeNullProperty("messageId");
					}
					else {
						out.writeNumberProperty("messageId", messageId);
					}
					out.writeStringProperty("name", row.getString(4));
					out.writeStringProperty("contentType", row.getString(5));
					out.writeNumberProperty("size", row.getLong(6));
					out.writeStringProperty("createdAt", row.getTimestamp(7).toInstant().toString());
					out.writeEndObject();
				});
		out.writeEndArray();
	}

	/**
	 * In the erasing transaction. The rows are locked first, so an upload a message takes
	 * meanwhile is either taken before (and stays) or refused after (and goes); files go
	 * only once the rows are gone for good.
	 */
	@EventListener
	void erased(AccountErased erased) {
		List<Long> unsent = this.jdbc.queryForList(
				"select id from attachments where uploader_id = ? and message_id is null for update", Long.class,
				erased.userId());
		if (unsent.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("delete from attachments where id = ?",
				unsent.stream().map((id) -> new Object[] { id }).toList());
		AfterCommit.run(() -> unsent.forEach(this.storage::delete));
	}

}
