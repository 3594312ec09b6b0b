package io.switchboard.presence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.switchboard.broker.Fanout;
import io.switchboard.broker.UserSessionEnded;
import io.switchboard.broker.UserSessionStarted;
import io.switchboard.system.AfterCommit;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import io.switchboard.system.WireNames;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who is online, across nodes. Each node counts its own sessions per user; the database
 * holds one row per (user, node) that has any, so a user is online while any node holds a
 * row for them, however many tabs they have open. A user's rows are changed under a lock
 * on their presence row, so two nodes that see a user's first and last sessions at the
 * same time agree on one answer, and each change of the answer is published once.
 * <p>
 * Database work runs on one thread of its own, never on a socket's, in the order the
 * sessions came and went; each task reconciles the user's row with this node's count as
 * it is then, so a reconnect that overtakes its own disconnect publishes nothing. Nodes
 * beat every {@link #NODE_BEAT}; one silent for {@link #NODE_GONE_AFTER} is taken for
 * crashed, and its users go offline unless another node holds them.
 */
@Component
public class PresenceTracker implements SmartLifecycle {

	static final Duration NODE_BEAT = Duration.ofSeconds(10);

	static final Duration NODE_GONE_AFTER = Duration.ofSeconds(30);

	/**
	 * Whether node {@code n} is alive, by the database's clock, which every node shares,
	 * so that clocks that differ between nodes never make a live node look gone.
	 */
	private static final String ALIVE = "n.seen_at > current_timestamp - interval '30' second";

	private static final Logger logger = LoggerFactory.getLogger(PresenceTracker.class);

	private final String nodeId = UUID.randomUUID().toString();

	private final Map<Long, Integer> localSessions = new ConcurrentHashMap<>();

	/** Made anew on each start: a context may be stopped and started again. */
	private volatile ScheduledExecutorService worker = newWorker("presence");

	private volatile ScheduledExecutorService beats = newWorker("presence-beat");

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate transactions;

	private final Fanout fanout;

	private volatile boolean running;

	PresenceTracker(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, PlatformTransactionManager transactionManager,
			Fanout fanout) {
		this.jdbc = jdbc;
		this.named = named;
		this.transactions = new TransactionTemplate(transactionManager);
		this.fanout = fanout;
	}

	@EventListener
	void on(UserSessionStarted started) {
		this.localSessions.merge(started.userId(), 1, Integer::sum);
		submit(() -> reconcile(started.userId()));
	}

	@EventListener
	void on(UserSessionEnded ended) {
		this.localSessions.computeIfPresent(ended.userId(), (user, count) -> (count > 1) ? count - 1 : null);
		submit(() -> reconcile(ended.userId()));
	}

	/**
	 * Which of these users are online now, on any node.
	 */
	public Set<Long> onlineAmong(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.named.queryForList(
				"select distinct pn.user_id from presence_nodes pn join server_nodes n on n.node_id = pn.node_id "
						+ "where pn.user_id in (:users) and " + ALIVE,
				new MapSqlParameterSource("users", userIds), Long.class));
	}

	/**
	 * The channel's members who are online now, on any node: one query, however large the
	 * channel.
	 */
	public Set<Long> onlineMembersOf(long channelId) {
		return Set.copyOf(this.named.queryForList(
				"select distinct pn.user_id from presence_nodes pn join server_nodes n on n.node_id = pn.node_id "
						+ "join channel_members cm on cm.user_id = pn.user_id where cm.channel_id = :channel " + "and "
						+ ALIVE,
				new MapSqlParameterSource("channel", channelId), Long.class));
	}

	/**
	 * The users' presence as it is now; users not in the workspace are left out.
	 */
	List<PresenceEvent> statuses(long workspaceId, Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		Set<Long> online = onlineAmong(userIds);
		return this.named.query(
				"select u.id, p.status, p.status_text, p.last_seen_at from users u left join presence p "
						+ "on p.user_id = u.id where u.id in (:users) and u.workspace_id = :workspace order by u.id",
				new MapSqlParameterSource("users", userIds).addValue("workspace", workspaceId),
				(row, i) -> event(row.getLong(1), online.contains(row.getLong(1)), row.getString(2), row.getString(3),
						row.getObject(4, OffsetDateTime.class)));
	}

	/**
	 * Sets the status the user shows while online, {@code online}, {@code away} or
	 * {@code busy}, after whatever this node is still reconciling for them.
	 */
	CompletableFuture<Void> choose(long userId, PresenceStatus status, @Nullable String statusText) {
		if (status == PresenceStatus.OFFLINE) {
			throw RequestRefused.badRequest("status: must be one of online, away, busy");
		}
		CompletableFuture<Void> chosen = new CompletableFuture<>();
		submit(chosen, () -> this.transactions.executeWithoutResult((tx) -> {
			lock(userId);
			this.jdbc.update("update presence set status = ?, status_text = ? where user_id = ?", status.wireName(),
					statusText, userId);
			if (!onlineAmong(List.of(userId)).isEmpty()) {
				publishAfterCommit(event(userId, true, status.wireName(), statusText, lastSeen(userId)));
			}
		}));
		return chosen;
	}

	/**
	 * Makes the database say what this node's count says about the user, and publishes
	 * the change if the user came online or went offline across all nodes.
	 */
	private void reconcile(long userId) {
		boolean here = this.localSessions.containsKey(userId);
		this.transactions.executeWithoutResult((tx) -> {
			lock(userId);
			boolean before = !onlineAmong(List.of(userId)).isEmpty();
			boolean held = this.jdbc.queryForObject(
					"select count(*) from presence_nodes where user_id = ? and node_id = ?", Integer.class, userId,
					this.nodeId) > 0;
			if (here && !held) {
				this.jdbc.update("insert into presence_nodes (user_id, node_id) values (?, ?)", userId, this.nodeId);
			}
			else if (!here && held) {
				this.jdbc.update("delete from presence_nodes where user_id = ? and node_id = ?", userId, this.nodeId);
			}
			publishIfChanged(userId, before);
		});
	}

	private void publishIfChanged(long userId, boolean before) {
		boolean after = !onlineAmong(List.of(userId)).isEmpty();
		if (before == after) {
			return;
		}
		Instant now = Timestamps.now();
		if (!after) {
			this.jdbc.update("update presence set last_seen_at = ? where user_id = ?", Timestamps.forJdbc(now), userId);
		}
		Map<String, Object> chosen = this.jdbc.queryForMap("select status, status_text from presence where user_id = ?",
				userId);
		publishAfterCommit(event(userId, after, (String) chosen.get("status"), (String) chosen.get("status_text"),
				after ? lastSeen(userId) : now));
	}

	/**
	 * Locks the user's presence row, creating it on first sight, so that changes to the
	 * user's presence happen one at a time across nodes.
	 */
	private void lock(long userId) {
		// A concurrent insert by another node waits here until that node commits, and
		// then does nothing, without failing the transaction.
		this.jdbc.update("insert into presence (user_id, status) values (?, 'online') on conflict do nothing", userId);
		this.jdbc.queryForList("select user_id from presence where user_id = ? for update", Long.class, userId);
	}

	private @Nullable Instant lastSeen(long userId) {
		OffsetDateTime seen = this.jdbc.queryForObject("select last_seen_at from presence where user_id = ?",
				OffsetDateTime.class, userId);
		return (seen != null) ? seen.toInstant() : null;
	}

	private static PresenceEvent event(long userId, boolean online, @Nullable String chosen,
			@Nullable String statusText, @Nullable Object lastSeenAt) {
		PresenceStatus status = !online ? PresenceStatus.OFFLINE
				: (chosen != null) ? WireNames.parse(PresenceStatus.class, chosen) : PresenceStatus.ONLINE;
		Instant seen = (lastSeenAt instanceof OffsetDateTime time) ? time.toInstant() : (Instant) lastSeenAt;
		return new PresenceEvent(userId, status, statusText, seen);
	}

	private void publishAfterCommit(PresenceEvent event) {
		AfterCommit.run(() -> this.fanout.publishPresence(event.userId(), event));
	}

	/**
	 * This node is alive; nodes silent for too long are gone, and so are their users
	 * unless another node holds them.
	 */
	private void beat() {
		if (this.jdbc.update("update server_nodes set seen_at = current_timestamp where node_id = ?",
				this.nodeId) == 0) {
			// Silent for too long (a pause, a slow database): the others forgot this
			// node and its users. It comes back, and so do they.
			logger.warn("Presence: this node was taken for gone; registering it and its users again");
			this.jdbc.update("insert into server_nodes (node_id, seen_at) values (?, current_timestamp)", this.nodeId);
			this.localSessions.keySet().forEach((userId) -> submit(() -> reconcile(userId)));
		}
		List<String> gone = this.jdbc.queryForList("select node_id from server_nodes n where not (" + ALIVE + ")",
				String.class);
		gone.forEach(this::forget);
	}

	/**
	 * Removes a node and its rows; its users who are online nowhere else go offline.
	 */
	private void forget(String node) {
		List<Long> users = this.jdbc.queryForList("select user_id from presence_nodes where node_id = ?", Long.class,
				node);
		for (long userId : users) {
			this.transactions.executeWithoutResult((tx) -> {
				lock(userId);
				boolean before = !onlineAmong(List.of(userId)).isEmpty() || this.jdbc
					.queryForObject("select count(*) from presence_nodes where user_id = ?", Integer.class, userId) > 0;
				this.jdbc.update("delete from presence_nodes where user_id = ? and node_id = ?", userId, node);
				publishIfChanged(userId, before);
			});
		}
		this.jdbc.update("delete from server_nodes where node_id = ?", node);
	}

	private void submit(Runnable task) {
		submit(new CompletableFuture<>(), task);
	}

	/**
	 * Runs the task on the presence thread; {@code done} completes after it, or fails
	 * with why it could not run.
	 */
	private void submit(CompletableFuture<Void> done, Runnable task) {
		try {
			this.worker.execute(() -> {
				try {
					task.run();
					done.complete(null);
				}
				catch (RuntimeException ex) {
					logger.warn("Presence could not be updated: {}", ex.getMessage());
					done.completeExceptionally(
							RequestRefused.unavailable("presence could not be stored; try again", 1_000));
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the node's rows go with it.
			done.completeExceptionally(RequestRefused.unavailable("the server is shutting down", 1_000));
		}
	}

	@Override
	public void start() {
		if (this.worker.isShutdown()) {
			this.worker = newWorker("presence");
		}
		if (this.beats.isShutdown()) {
			this.beats = newWorker("presence-beat");
		}
		this.jdbc.update("delete from server_nodes where node_id = ?", this.nodeId);
		this.jdbc.update("insert into server_nodes (node_id, seen_at) values (?, current_timestamp)", this.nodeId);
		// On a thread of its own: a queue of reconciles never delays the beat.
		this.beats.scheduleWithFixedDelay(() -> {
			try {
				beat();
			}
			catch (RuntimeException ex) {
				logger.warn("Presence heart-beat failed: {}", ex.getMessage());
			}
		}, NODE_BEAT.toMillis(), NODE_BEAT.toMillis(), TimeUnit.MILLISECONDS);
		this.running = true;
	}

	/**
	 * A node that stops takes its users offline, unless another node holds them.
	 */
	@Override
	public void stop() {
		this.running = false;
		try {
			this.worker.submit(() -> forget(this.nodeId)).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			logger.warn("Presence of this node's users was not cleared on shutdown: {}", ex.toString());
		}
		this.worker.shutdownNow();
		this.beats.shutdownNow();
	}

	private static ScheduledExecutorService newWorker(String name) {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * After the broker link starts and before clients can connect; stops after they are
	 * gone and before the broker link stops, so that its last offline events go out.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2047;
	}

}
