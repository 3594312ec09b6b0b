package io.switchboard.limit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.switchboard.system.HousekeepingTask;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Every rate limit of the server. Those of a user (SENDs, typing and read frames, REST
 * writes) and new connections are kept by each node for itself: they keep one client from
 * crowding out others on the node it is connected to. Those against guessing passwords
 * are shared by all nodes through PostgreSQL, so that spreading attempts over nodes gains
 * nothing; on H2, which serves one node, they are kept in memory too.
 */
@Component
public class RateLimits implements HousekeepingTask {

	private static final Duration SWEEP = Duration.ofMinutes(1);

	private final LimitSettings settings;

	private final Limit sends;

	private final Limit typingAndRead;

	private final Limit restWrites;

	private final Limit connections;

	private final Limit tokenRequests;

	private final Limit tokenFailures;

	private final @Nullable PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

	RateLimits(LimitSettings settings, DataSource dataSource) {
		this.settings = settings;
		this.sends = new LocalLimit(perSecond(settings.sendsPerSecond(), settings.sendBurst()));
		this.typingAndRead = new LocalLimit(
				perSecond(settings.typingAndReadPerSecond(), settings.typingAndReadPerSecond()));
		this.restWrites = new LocalLimit(perSecond(settings.restWritesPerSecond(), settings.restWritesPerSecond()));
		this.connections = new LocalLimit(perSecond(settings.connectionsPerSecond(), settings.connectionsPerSecond()));
		BucketConfiguration requests = perMinute(settings.tokenRequestsPerMinute());
		BucketConfiguration failures = perMinute(settings.tokenFailuresPerMinute());
		this.shared = isPostgreSql(dataSource) ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_buckets")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			// A bucket is kept until it would be full again, then it is the same as none.
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build() : null;
		this.tokenRequests = (this.shared != null) ? new SharedLimit("token-requests", this.shared, requests)
				: new LocalLimit(requests);
		this.tokenFailures = (this.shared != null) ? new SharedLimit("token-failures", this.shared, failures)
				: new LocalLimit(failures);
	}

	/**
	 * A SEND of the user, other than typing and read frames.
	 */
	public Decision send(long userId) {
		return take(this.sends, Long.toString(userId));
	}

	public Decision typingOrRead(long userId) {
		return take(this.typingAndRead, Long.toString(userId));
	}

	public Decision restWrite(long userId) {
		return take(this.restWrites, Long.toString(userId));
	}

	public Decision connection(String clientAddress) {
		return take(this.connections, clientAddress);
	}

	public Decision tokenRequest(String clientAddress) {
		return take(this.tokenRequests, clientAddress);
	}

	/**
	 * Takes one of the username's allowed failures before its password is checked, so
	 * that attempts at once cannot all slip through; {@link #tokenSucceeded} gives it
	 * back.
	 */
	public Decision tokenAttempt(String username) {
		return take(this.tokenFailures, normalize(username));
	}

	public void tokenSucceeded(String username) {
		if (this.settings.enabled()) {
			this.tokenFailures.giveBack(normalize(username));
		}
	}

	private Decision take(Limit limit, String key) {
		return this.settings.enabled() ? limit.take(key) : Decision.ALLOWED;
	}

	private static String normalize(String username) {
		return username.strip().toLowerCase(Locale.ROOT);
	}

	private static BucketConfiguration perSecond(int rate, int burst) {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(burst).refillGreedy(rate, Duration.ofSeconds(1)))
			.build();
	}

	private static BucketConfiguration perMinute(int rate) {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(rate).refillGreedy(rate, Duration.ofMinutes(1)))
			.build();
	}

	private static boolean isPostgreSql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot tell which database holds the shared rate limits", ex);
		}
	}

	@Override
	public String description() {
		return "remove refilled rate limit buckets";
	}

	@Override
	public Duration interval() {
		return SWEEP;
	}

	/**
	 * Deletes shared buckets that have refilled, a batch at a time.
	 */
	@Override
	public void run() {
		PostgreSQLSelectForUpdateBasedProxyManager<String> buckets = this.shared;
		if (buckets != null) {
			while (buckets.removeExpired(1000) == 1000) {
				// more to come
			}
		}
	}

}
