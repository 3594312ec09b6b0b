package io.switchboard.channel;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.broker.EventLog;
import io.switchboard.channel.event.ChannelEvent;
import io.switchboard.system.HousekeepingTask;
import io.switchboard.system.IdArrayQuery;
import io.switchboard.system.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event log in the {@code channel_events} table: each event is appended in the
 * transaction that took its {@code seq}, and deleted after the retention period.
 */
@Component
class ChannelEventLog implements EventLog, HousekeepingTask {

	private static final Logger logger = LoggerFactory.getLogger(ChannelEventLog.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	private final ChannelSettings settings;

	ChannelEventLog(NamedParameterJdbcTemplate jdbc, JsonMapper json, ChannelSettings settings) {
		this.jdbc = jdbc;
		this.json = json;
		this.settings = settings;
	}

	byte[] serialize(ChannelEvent event) {
		return this.json.writeValueAsBytes(event);
	}

	/**
	 * Appends events in the current transaction, in one round trip.
	 */
	void appendAll(long channelId, Instant time, List<LoggedEvent> events) {
		Timestamp now = Timestamp.from(time);
		this.jdbc.getJdbcTemplate()
			.batchUpdate("insert into channel_events (channel_id, seq, payload, created_at) values (?, ?, ?, ?)",
					events.stream()
						.map((event) -> new Object[] { channelId, event.seq(), event.json(), now })
						.toList());
	}

	@Override
	public List<LoggedEvent> eventsAfter(long channelId, long afterSeq, int limit) {
		return this.jdbc.getJdbcTemplate()
			.query("select seq, payload from channel_events where channel_id = ? and seq > ? order by seq limit ?",
					(row, i) -> new LoggedEvent(row.getLong(1), row.getBytes(2)), channelId, afterSeq, limit);
	}

	@Override
	public Map<Long, Long> lastSeqs(Collection<Long> channelIds) {
		Map<Long, Long> seqs = new HashMap<>();
		IdArrayQuery.query(this.jdbc.getJdbcTemplate(), "select id, last_seq from channels where id = any(?)",
				channelIds, (row) -> {
					seqs.put(row.getLong(1), row.getLong(2));
				});
		return seqs;
	}

	@Override
	public String description() {
		return "purge old channel events";
	}

	@Override
	public Duration interval() {
		return Duration.ofHours(1);
	}

	@Override
	public void run() {
		Timestamp cutoff = Timestamp.from(Timestamps.now().minus(this.settings.eventRetention()));
		int deleted = this.jdbc.getJdbcTemplate().update("delete from channel_events where created_at < ?", cutoff);
		if (deleted > 0) {
			logger.info("Deleted {} channel events older than {}", deleted, this.settings.eventRetention());
		}
	}

}
