package io.switchboard.channel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.switchboard.broker.Fanout;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import io.switchboard.system.WireNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a change to a channel is stored: changes wait in a queue per channel, and a
 * writer thread stores all that are waiting in one transaction (group commit), with
 * consecutive {@code seq} values under the channel's lock, publishes their events in
 * {@code seq} order once it commits, and then answers each sender, in the order they were
 * recorded.
 * <p>
 * A change refused by its own checks refuses only itself. If the transaction fails for
 * another reason, each change of the batch is tried again on its own, so that one change
 * that breaks a constraint does not sink the others; a database that cannot be reached
 * fails them all, as {@code unavailable}.
 */
@Component
public class ChannelWriter {

	private static final Logger logger = LoggerFactory.getLogger(ChannelWriter.class);

	/** What a sender whose channel's queue is full is told to wait. */
	static final long RETRY_AFTER_FULL_MILLIS = 1_000;

	private final Map<Long, ChannelQueue> queues = new ConcurrentHashMap<>();

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final ChannelEventLog log;

	private final Fanout fanout;

	private final Executor writers;

	private final int maxWaiting;

	private final int maxBatch;

	private final ChannelAccess access;

	ChannelWriter(PlatformTransactionManager transactionManager, JdbcTemplate jdbc, ChannelEventLog log, Fanout fanout,
			@Qualifier("channelWriters") Executor writers, ChannelSettings settings, ChannelAccess access) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.access = access;
		this.jdbc = jdbc;
		this.log = log;
		this.fanout = fanout;
		this.writers = writers;
		this.maxWaiting = settings.maxWaitingChanges();
		this.maxBatch = settings.maxBatch();
	}

	/**
	 * Queues the change behind those already waiting for its channel. The future
	 * completes, on a writer thread, once the change is stored and its event published,
	 * or fails with the refusal.
	 */
	public <R> CompletableFuture<R> record(ChannelChange<R> change) {
		Pending<R> pending = new Pending<>(change, new CompletableFuture<>());
		while (true) {
			ChannelQueue queue = this.queues.computeIfAbsent(change.channelId(), ChannelQueue::new);
			boolean schedule;
			synchronized (queue) {
				if (queue.retired) {
					continue;
				}
				if (queue.waiting.size() >= this.maxWaiting) {
					pending.future.completeExceptionally(RequestRefused.unavailable(
							"channel " + change.channelId() + " has " + this.maxWaiting + " changes waiting",
							RETRY_AFTER_FULL_MILLIS));
					return pending.future;
				}
				queue.waiting.add(pending);
				schedule = !queue.scheduled;
				queue.scheduled = true;
			}
			if (schedule) {
				schedule(queue);
			}
			return pending.future;
		}
	}

	/**
	 * How many changes wait for the channel, not counting a batch being stored.
	 */
	public int waiting(long channelId) {
		ChannelQueue queue = this.queues.get(channelId);
		if (queue == null) {
			return 0;
		}
		synchronized (queue) {
			return queue.waiting.size();
		}
	}

	/**
	 * Records the change and waits until it is stored, for callers that answer only then,
	 * such as a REST request; throws what refused it.
	 */
	public <R> R recordAndWait(ChannelChange<R> change) {
		return awaitStored(record(change));
	}

	/**
	 * Waits until a recorded change is stored; throws what refused it.
	 */
	public static <R> R awaitStored(CompletableFuture<R> recorded) {
		try {
			return recorded.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private void schedule(ChannelQueue queue) {
		try {
			this.writers.execute(() -> drain(queue));
		}
		catch (RejectedExecutionException ex) {
			List<Pending<?>> dropped;
			synchronized (queue) {
				dropped = new ArrayList<>(queue.waiting);
				queue.waiting.clear();
				retire(queue);
			}
			RequestRefused refused = RequestRefused.unavailable("the server is shutting down", RETRY_AFTER_FULL_MILLIS);
			dropped.forEach((pending) -> pending.future.completeExceptionally(refused));
		}
	}

	/**
	 * Stores one batch, then goes to the back of the writers' line, so that a busy
	 * channel does not starve the others.
	 */
	private void drain(ChannelQueue queue) {
		List<Pending<?>> batch = new ArrayList<>();
		synchronized (queue) {
			while (batch.size() < this.maxBatch && !queue.waiting.isEmpty()) {
				batch.add(queue.waiting.poll());
			}
			if (batch.isEmpty()) {
				retire(queue);
				return;
			}
		}
		store(queue.channelId, batch);
		schedule(queue);
	}

	private void retire(ChannelQueue queue) {
		queue.scheduled = false;
		queue.retired = true;
		this.queues.remove(queue.channelId, queue);
	}

	private void store(long channelId, List<Pending<?>> pendings) {
		Object[] outcomes = new Object[pendings.size()];
		ChangeBatch stored = null;
		RuntimeException failure = null;
		try {
			stored = this.transactions.execute((status) -> {
				ChangeBatch batch = lock(channelId);
				pendings.forEach((pending) -> batch.add(pending.change));
				for (int i = 0; i < pendings.size(); i++) {
					outcomes[i] = apply(pendings.get(i).change, batch, status);
				}
				if (batch.tookSeq()) {
					this.jdbc.update("update channels set last_seq = ? where id = ?", batch.lastSeq(), channelId);
					this.log.appendAll(channelId, batch.time(), batch.events());
				}
				return batch;
			});
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		if (stored != null) {
			// One channel's batches are stored one after another on a node, so publishing
			// each batch's events as it commits keeps them in seq order.
			for (SequenceSlot slot : stored.slots()) {
				byte[] event = slot.event();
				if (event != null) {
					this.fanout.publishChannelEvent(channelId, slot.seq(), event);
				}
			}
			stored.afterPublish().forEach(Runnable::run);
			for (int i = 0; i < pendings.size(); i++) {
				pendings.get(i).answer(outcomes[i]);
			}
		}
		else if (pendings.size() > 1 && mayBeOneChangesFault(failure)) {
			logger.debug("A batch of {} changes to channel {} failed ({}); storing them one by one", pendings.size(),
					channelId, failure.toString());
			pendings.forEach((pending) -> store(channelId, List.of(pending)));
		}
		else {
			Throwable cause = (failure instanceof RefusedAfterWriting late) ? late.getCause() : failure;
			pendings.forEach((pending) -> pending.future.completeExceptionally(cause));
		}
	}

	private Object apply(ChannelChange<?> change, ChangeBatch batch, TransactionStatus status) {
		if (change.workspaceId() != batch.workspaceId()) {
			// The one place no change crosses workspaces: the same answer as for a
			// channel that does not exist.
			return ChannelAccess.notFound(batch.channelId());
		}
		int slotsBefore = batch.slotCount();
		try {
			// And the one place no change reaches a channel its actor may not know of.
			this.access.requireKnown(batch, change.actor());
			return change.apply(batch);
		}
		catch (RequestRefused refused) {
			if (batch.slotCount() != slotsBefore || status.isRollbackOnly()) {
				// Its writes are in the transaction, or a transactional service it called
				// doomed the transaction: only a rollback undoes that.
				throw new RefusedAfterWriting(refused);
			}
			return refused;
		}
	}

	private ChangeBatch lock(long channelId) {
		List<ChangeBatch> found = this.jdbc.query(
				"select type, workspace_id, last_seq, closed_at from channels where id = ? for update",
				(row, i) -> new ChangeBatch(channelId, WireNames.parse(ChannelType.class, row.getString(1)),
						row.getLong(2), row.getLong(3), row.getObject(4) != null, Timestamps.now(), this.log),
				channelId);
		if (found.isEmpty()) {
			throw RequestRefused.notFound("no channel " + channelId);
		}
		return found.get(0);
	}

	private static boolean mayBeOneChangesFault(RuntimeException failure) {
		return !(failure instanceof RequestRefused || failure instanceof TransientDataAccessException
				|| failure instanceof DataAccessResourceFailureException
				|| failure instanceof CannotCreateTransactionException);
	}

	private static final class ChannelQueue {

		private final long channelId;

		private final ArrayDeque<Pending<?>> waiting = new ArrayDeque<>();

		private boolean scheduled;

		/** Removed from the map: a change that finds it goes to a fresh queue. */
		private boolean retired;

		ChannelQueue(long channelId) {
			this.channelId = channelId;
		}

	}

	private record Pending<R>(ChannelChange<R> change, CompletableFuture<R> future) {

		@SuppressWarnings("unchecked")
		void answer(Object outcome) {
			if (outcome instanceof RequestRefused refused) {
				this.future.completeExceptionally(refused);
			}
			else {
				this.future.complete((R) outcome);
			}
		}

	}

	/**
	 * A change refused after it had taken a {@code seq}: the whole batch rolls back and
	 * each change is tried on its own.
	 */
	private static final class RefusedAfterWriting extends RuntimeException {

		RefusedAfterWriting(RequestRefused refused) {
			super(refused.getMessage(), refused, false, false);
		}

	}

}
