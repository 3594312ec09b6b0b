package io.switchboard.message;

import java.util.HashMap;
import java.util.Map;

import io.switchboard.channel.UnreadCounter;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Unread messages: others' messages, not deleted, after the reader's read marker. One
 * query for all of a user's channels: for each membership, one range of the index on
 * (channel, seq).
 */
@Component
class MessageUnreadCounter implements UnreadCounter {

	/**
	 * Others' messages after the member's marker, not deleted. {@code mentions} holds ids
	 * joined by commas; a mention of the reader is their id between two commas once the
	 * list is wrapped in commas, or a moderator's {@code @channel} or {@code @here}.
	 */
	private static final String UNREAD = "from messages m where m.channel_id = cm.channel_id and m.seq > cm.read_seq "
			+ "and m.sender_id <> :user and m.deleted = false";

	/**
	 * Correlated subqueries rather than a join: the planner cannot know how far each
	 * member has read, so a join would read whole channels, where a subquery per
	 * membership reads only its unread range of the (channel, seq) index.
	 */
	private static final String COUNTS = "select cm.channel_id, (select count(*) " + UNREAD
			+ ") as unread, (select count(*) " + UNREAD
			+ " and (m.mentions_all = true or concat(',', m.mentions, ',') like concat('%,', "
			+ "cast(:user as varchar(20)), ',%'))) as mentions from channel_members cm where cm.user_id = :user";

	static final String ALL_CHANNELS = COUNTS;

	static final String ONE_CHANNEL = COUNTS + " and cm.channel_id = :channel";

	private final NamedParameterJdbcTemplate jdbc;

	MessageUnreadCounter(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, Unread> counts(long userId, @Nullable Long channelId) {
		Map<Long, Unread> counts = new HashMap<>();
		this.jdbc.query((channelId != null) ? ONE_CHANNEL : ALL_CHANNELS,
				new MapSqlParameterSource("user", userId).addValue("channel", channelId),
				(RowCallbackHandler) (row) -> {
					if (row.getLong(2) > 0) {
						counts.put(row.getLong(1), new Unread(row.getLong(2), row.getLong(3)));
					}
				});
		return counts;
	}

}
