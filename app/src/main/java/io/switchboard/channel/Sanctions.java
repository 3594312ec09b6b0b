package io.switchboard.channel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.switchboard.system.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Mutes and bans of a channel's members, each until a time or until lifted. Imposed and
 * lifted only by changes to the channel, under its lock.
 */
@Component
class Sanctions {

	enum Kind {

		MUTE, BAN

	}

	private final NamedParameterJdbcTemplate jdbc;

	Sanctions(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Imposes the sanction, replacing one of the same kind.
	 */
	void impose(Kind kind, long channelId, long userId, @Nullable Instant until, @Nullable String reason, long actorId,
			Instant at) {
		lift(kind, channelId, userId);
		this.jdbc.update(
				"insert into channel_sanctions (channel_id, user_id, kind, until, reason, actor_id, created_at) "
						+ "values (:channel, :user, :kind, :until, :reason, :actor, :at)",
				params(kind, channelId, userId).addValue("until", (until != null) ? Timestamps.forJdbc(until) : null)
					.addValue("reason", reason)
					.addValue("actor", actorId)
					.addValue("at", Timestamps.forJdbc(at)));
	}

	/**
	 * @return whether there was one
	 */
	boolean lift(Kind kind, long channelId, long userId) {
		return this.jdbc.update(
				"delete from channel_sanctions where channel_id = :channel and user_id = :user and kind = :kind",
				params(kind, channelId, userId)) > 0;
	}

	boolean isActive(Kind kind, long channelId, long userId, Instant at) {
		return !this.jdbc
			.queryForList(
					"select 1 from channel_sanctions where channel_id = :channel and user_id = :user "
							+ "and kind = :kind and (until is null or until > :at)",
					params(kind, channelId, userId).addValue("at", Timestamps.forJdbc(at)), Integer.class)
			.isEmpty();
	}

	/**
	 * The channel's sanctions of a kind that are in force, newest first.
	 */
	List<Sanction> active(Kind kind, long channelId, Instant at) {
		return this.jdbc.query(
				"select s.user_id, u.username, s.until, s.reason, s.created_at from channel_sanctions s "
						+ "join users u on u.id = s.user_id where s.channel_id = :channel and s.kind = :kind "
						+ "and (s.until is null or s.until > :at) order by s.created_at desc",
				Map.of("channel", channelId, "kind", kind.name().toLowerCase(), "at", Timestamps.forJdbc(at)),
				(row, i) -> new Sanction(new AuditLog.Person(row.getLong(1), row.getString(2)),
						instant(row.getObject(3, OffsetDateTime.class)), row.getString(4),
						row.getObject(5, OffsetDateTime.class).toInstant()));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static MapSqlParameterSource params(Kind kind, long channelId, long userId) {
		return new MapSqlParameterSource("channel", channelId).addValue("user", userId)
			.addValue("kind", kind.name().toLowerCase());
	}

	/**
	 * @param until when it ends by itself, or {@code null}: when lifted
	 */
	record Sanction(AuditLog.Person user, @Nullable Instant until, @Nullable String reason, Instant createdAt) {

	}

}
