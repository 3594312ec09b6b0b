package io.switchboard.notification;

import java.sql.Timestamp;
import java.time.Duration;

import io.switchboard.system.HousekeepingTask;
import io.switchboard.system.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Purges notifications older than the configured retention, and idempotency keys past
 * their time. Each batch is its own short transaction that locks only the rows it
 * deletes, so inboxes and publishers carry on meanwhile.
 */
@Component
class NotificationRetention implements HousekeepingTask {

	private static final Logger logger = LoggerFactory.getLogger(NotificationRetention.class);

	private final JdbcTemplate jdbc;

	private final PublicationKeys keys;

	private final NotificationSettings settings;

	NotificationRetention(JdbcTemplate jdbc, PublicationKeys keys, NotificationSettings settings) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.settings = settings;
	}

	/**
	 * Deletes, batch by batch, every notification older than the retention.
	 * @return how many were deleted
	 */
	int purge() {
		Timestamp cutoff = Timestamp.from(Timestamps.now().minus(this.settings.retention()));
		int total = 0;
		int deleted;
		do {
			deleted = this.jdbc.update(
					"delete from notifications where id in (select id from notifications "
							+ "where created_at < ? order by created_at fetch first ? rows only)",
					cutoff, this.settings.purgeBatch());
			total += deleted;
		}
		while (deleted == this.settings.purgeBatch() && !Thread.currentThread().isInterrupted());
		this.keys.purgeExpired();
		return total;
	}

	@Override
	public String description() {
		return "purge old notifications";
	}

	@Override
	public Duration interval() {
		return this.settings.purgeInterval();
	}

	@Override
	public void run() {
		int deleted = purge();
		if (deleted > 0) {
			logger.info("Deleted {} notifications older than {}", deleted, this.settings.retention());
		}
	}

}
