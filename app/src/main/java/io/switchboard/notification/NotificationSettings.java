package io.switchboard.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long notifications and publishers' idempotency keys are kept, under
 * {@code switchboard.notifications}.
 *
 * @param retention notifications older than this are purged
 * @param idempotencyKeyTtl a publisher's idempotency key is remembered this long; a
 * request that repeats it later stores again
 * @param purgeInterval how often the purge runs; it first runs a minute after start
 * @param purgeBatch how many rows one purge transaction deletes at most, so that it holds
 * its row locks briefly and never the table
 */
@ConfigurationProperties("switchboard.notifications")
public record NotificationSettings(@DefaultValue("90d") Duration retention,
		@DefaultValue("24h") Duration idempotencyKeyTtl, @DefaultValue("1h") Duration purgeInterval,
		@DefaultValue("1000") int purgeBatch, @DefaultValue("default") String inboundWorkspace) {

	public NotificationSettings {
		if (retention.isNegative() || retention.isZero() || idempotencyKeyTtl.isNegative() || idempotencyKeyTtl.isZero()
				|| purgeInterval.isNegative() || purgeInterval.isZero() || purgeBatch < 1) {
			throw new IllegalArgumentException(
					"switchboard.notifications.retention, idempotency-key-ttl, purge-interval and purge-batch must be positive");
		}
	}

}
