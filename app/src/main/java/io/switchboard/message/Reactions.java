package io.switchboard.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.channel.event.ReactionView;
import io.switchboard.system.Timestamps;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reactions to messages: one row per (message, emoji, user). Changed only by a change to
 * the message's channel, under the channel's lock, so adding one needs no race handling.
 */
@Component
class Reactions {

	static final int MAX_DISTINCT_EMOJI = 20;

	private final NamedParameterJdbcTemplate jdbc;

	Reactions(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return whether the reaction is new
	 */
	boolean add(long messageId, long userId, String emoji, Instant at) {
		Map<String, Object> row = Map.of("message", messageId, "user", userId, "emoji", emoji, "at",
				Timestamps.forJdbc(at));
		return this.jdbc.update("insert into reactions (message_id, user_id, emoji, created_at) "
				+ "select :message, :user, :emoji, :at where not exists (select 1 from reactions "
				+ "where message_id = :message and emoji = :emoji and user_id = :user)", row) == 1;
	}

	/**
	 * @return whether there was such a reaction
	 */
	boolean remove(long messageId, long userId, String emoji) {
		return this.jdbc.update(
				"delete from reactions where message_id = :message and emoji = :emoji and user_id = :user",
				Map.of("message", messageId, "user", userId, "emoji", emoji)) == 1;
	}

	boolean hasEmoji(long messageId, String emoji) {
		Integer found = this.jdbc.queryForObject(
				"select count(*) from reactions where message_id = :message and emoji = :emoji",
				Map.of("message", messageId, "emoji", emoji), Integer.class);
		return found != null && found > 0;
	}

	int distinctEmoji(long messageId) {
		Integer count = this.jdbc.queryForObject(
				"select count(distinct emoji) from reactions where message_id = :message", Map.of("message", messageId),
				Integer.class);
		return (count != null) ? count : 0;
	}

	/**
	 * The messages' reactions in one query: per message, each emoji in the order it was
	 * first used, with its users in the order they reacted.
	 */
	Map<Long, List<ReactionView>> of(Collection<Long> messageIds) {
		if (messageIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Map<String, List<Long>>> users = new HashMap<>();
		this.jdbc.query(
				"select message_id, emoji, user_id from reactions where message_id in (:messages) "
						+ "order by message_id, created_at, user_id",
				Map.of("messages", messageIds),
				(RowCallbackHandler) (row) -> users.computeIfAbsent(row.getLong(1), (id) -> new LinkedHashMap<>())
					.computeIfAbsent(row.getString(2), (emoji) -> new ArrayList<>())
					.add(row.getLong(3)));
		Map<Long, List<ReactionView>> views = new HashMap<>();
		users.forEach((messageId, byEmoji) -> views.put(messageId,
				byEmoji.entrySet()
					.stream()
					.map((entry) -> new ReactionView(entry.getKey(), entry.getValue()))
					.toList()));
		return views;
	}

}
