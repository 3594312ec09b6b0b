package io.switchboard.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.switchboard.system.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The versions an edit replaced, kept for the author, the channel's moderators and
 * admins.
 */
@Component
class MessageVersions {

	private final NamedParameterJdbcTemplate jdbc;

	MessageVersions(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void keep(long messageId, String content, Instant writtenAt, Instant replacedAt) {
		this.jdbc.update(
				"insert into message_versions (message_id, content, written_at, replaced_at) "
						+ "values (:message, :content, :written, :replaced)",
				Map.of("message", messageId, "content", content, "written", Timestamps.forJdbc(writtenAt), "replaced",
						Timestamps.forJdbc(replacedAt)));
	}

	/**
	 * The replaced versions, oldest first.
	 */
	List<Version> replaced(long messageId) {
		return this.jdbc.query(
				"select content, written_at, replaced_at from message_versions where message_id = :message order by id",
				Map.of("message", messageId),
				(row, i) -> new Version(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant(),
						row.getObject(3, OffsetDateTime.class).toInstant()));
	}

	/**
	 * One version of a message's content.
	 *
	 * @param writtenAt when it was posted or edited to say this
	 * @param replacedAt when an edit replaced it; {@code null} for the current version
	 */
	record Version(String content, Instant writtenAt, @Nullable Instant replacedAt) {

	}

}
