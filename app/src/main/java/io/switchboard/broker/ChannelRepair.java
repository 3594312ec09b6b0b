package io.switchboard.broker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills channel streams from the event log: at once when a stream sees a gap, and when a
 * committed event has not arrived from the broker in time (its node died before
 * publishing it, or the broker was away).
 */
final class ChannelRepair {

	private static final Logger logger = LoggerFactory.getLogger(ChannelRepair.class);

	private static final int PAGE = 500;

	/** A gap still there after this many reads is not in the log any more. */
	private static final int READS_BEFORE_SKIPPING = 3;

	private final EventLog log;

	private final Executor executor;

	private final long patienceNanos;

	private final Set<ChannelStream> scheduled = ConcurrentHashMap.newKeySet();

	ChannelRepair(EventLog log, Executor executor, long patienceNanos) {
		this.log = log;
		this.executor = executor;
		this.patienceNanos = patienceNanos;
	}

	void fill(ChannelStream stream) {
		if (this.scheduled.add(stream)) {
			this.executor.execute(() -> {
				this.scheduled.remove(stream);
				fillNow(stream);
			});
		}
	}

	/**
	 * Compares every stream with its channel's sequence in the database and fills those
	 * that have been behind for longer than the patience.
	 */
	void sweep(List<ChannelStream> streams) {
		if (streams.isEmpty()) {
			return;
		}
		Map<Long, ChannelStream> byChannel = new HashMap<>();
		streams.forEach((stream) -> byChannel.put(stream.channelId(), stream));
		Map<Long, Long> seqs;
		try {
			seqs = this.log.lastSeqs(byChannel.keySet());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read channel sequences: {}", ex.getMessage());
			return;
		}
		long now = System.nanoTime();
		seqs.forEach((channelId, seq) -> {
			ChannelStream stream = byChannel.get(channelId);
			if (stream != null && stream.isOverdue(seq, now, this.patienceNanos)) {
				fill(stream);
			}
		});
	}

	private void fillNow(ChannelStream stream) {
		try {
			for (int read = 0; read < READS_BEFORE_SKIPPING; read++) {
				readOn(stream);
				if (!stream.hasGap()) {
					return;
				}
			}
			stream.skipGap();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read the event log of channel {}: {}", stream.channelId(), ex.getMessage());
		}
	}

	private void readOn(ChannelStream stream) {
		while (true) {
			long from = stream.delivered();
			if (from < 0) {
				return;
			}
			List<EventLog.LoggedEvent> events = this.log.eventsAfter(stream.channelId(), from, PAGE);
			for (EventLog.LoggedEvent event : events) {
				stream.offer(event.seq(), event.json());
			}
			if (events.size() < PAGE) {
				return;
			}
		}
	}

}
