package io.switchboard.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.switchboard.broker.EventLog;
import io.switchboard.channel.event.ChannelEvent;
import io.switchboard.system.Timestamps;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event log in the {@code channel_events} table: each event is appended in the
 * transaction that took its {@code seq}, and deleted after the retention period.
 */
@Component
class ChannelEventLog implements EventLog, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChannelEventLog.class);

	private static final int IN_LIST_CHUNK = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	private final ChannelSettings settings;

	private @Nullable ScheduledExecutorService purger;

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
		List<Long> ids = new ArrayList<>(channelIds);
		for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
			this.jdbc.query("select id, last_seq from channels where id in (:ids)", Map.of("ids", chunk), (row) -> {
				seqs.put(row.getLong(1), row.getLong(2));
			});
		}
		return seqs;
	}

	void purge() {
		try {
			Timestamp cutoff = Timestamp.from(Timestamps.now().minus(this.settings.eventRetention()));
			int deleted = this.jdbc.getJdbcTemplate().update("delete from channel_events where created_at < ?", cutoff);
			if (deleted > 0) {
				logger.info("Deleted {} channel events older than {}", deleted, this.settings.eventRetention());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not purge old channel events: {}", ex.getMessage());
		}
	}

	@Override
	public void start() {
		this.purger = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "channel-event-purge");
			thread.setDaemon(true);
			return thread;
		});
		this.purger.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
	}

	@Override
	public void stop() {
		if (this.purger != null) {
			this.purger.shutdownNow();
			this.purger = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.purger != null;
	}

}
