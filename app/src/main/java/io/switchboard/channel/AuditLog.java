package io.switchboard.channel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.switchboard.system.Timestamps;
import io.switchboard.system.WireNames;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every moderation action, in the transaction that takes it: who did what to whom, in
 * which channel, and why.
 */
@Component
public class AuditLog {

	private static final String SELECT = "select a.id, a.channel_id, a.action, a.actor_id, actor.username, a.target_id, "
			+ "target.username, a.reason, a.created_at from audit_log a join users actor on actor.id = a.actor_id "
			+ "left join users target on target.id = a.target_id ";

	private final NamedParameterJdbcTemplate jdbc;

	AuditLog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an action inside the transaction of the change it audits.
	 */
	public void record(long workspaceId, @Nullable Long channelId, AuditAction action, long actorId,
			@Nullable Long targetId, @Nullable String reason, Instant at) {
		this.jdbc.update(
				"insert into audit_log (workspace_id, channel_id, action, actor_id, target_id, reason, created_at) "
						+ "values (:workspace, :channel, :action, :actor, :target, :reason, :at)",
				new MapSqlParameterSource("workspace", workspaceId).addValue("channel", channelId)
					.addValue("action", action.wireName())
					.addValue("actor", actorId)
					.addValue("target", targetId)
					.addValue("reason", reason)
					.addValue("at", Timestamps.forJdbc(at)));
	}

	/**
	 * A channel's entries before {@code beforeId}, newest first.
	 */
	List<Entry> ofChannel(long channelId, long beforeId, int limit) {
		return this.jdbc.query(
				SELECT + "where a.channel_id = :channel and a.id < :before order by a.id desc "
						+ "fetch first :limit rows only",
				new MapSqlParameterSource("channel", channelId).addValue("before", beforeId).addValue("limit", limit),
				ENTRY);
	}

	/**
	 * A workspace's entries before {@code beforeId}, newest first.
	 */
	List<Entry> ofWorkspace(long workspaceId, long beforeId, int limit) {
		return this.jdbc.query(
				SELECT + "where a.workspace_id = :workspace and a.id < :before order by a.id desc "
						+ "fetch first :limit rows only",
				new MapSqlParameterSource("workspace", workspaceId).addValue("before", beforeId)
					.addValue("limit", limit),
				ENTRY);
	}

	private static final RowMapper<Entry> ENTRY = (row, i) -> {
		long targetId = row.getLong(6);
		Person target = row.wasNull() ? null : new Person(targetId, row.getString(7));
		long channelId = row.getLong(2);
		Long channel = row.wasNull() ? null : channelId;
		return new Entry(row.getLong(1), channel, WireNames.parse(AuditAction.class, row.getString(3)),
				new Person(row.getLong(4), row.getString(5)), target, row.getString(8),
				row.getObject(9, OffsetDateTime.class).toInstant());
	};

	/**
	 * One entry, as {@code /api/channels/{id}/audit} and {@code /api/audit} show it.
	 */
	record Entry(long id, @Nullable Long channelId, AuditAction action, Person actor, @Nullable Person target,
			@Nullable String reason, Instant createdAt) {

	}

	/**
	 * A user as the audit log names them.
	 */
	record Person(long id, String username) {

	}

}
