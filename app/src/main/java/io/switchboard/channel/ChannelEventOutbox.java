package io.switchboard.channel;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

/**
 * Publishes channel events in sequence order.
 * <p>
 * Writers of one channel commit in sequence order (the row lock on the channel sees to
 * that) but the threads that then publish may run in any order. Each change reserves its
 * slot while it holds the lock; a slot is sent only when every slot before it has been
 * sent or dropped, so subscribers see events in {@code seq} order.
 */
@Component
class ChannelEventOutbox {

	private static final Logger logger = LoggerFactory.getLogger(ChannelEventOutbox.class);

	private static final int STRIPES = 64;

	private final SimpMessageSendingOperations broker;

	private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

	/** Pending slots per channel, oldest first; each entry guarded by its stripe lock. */
	private final Map<Long, ArrayDeque<SequenceSlot>> pending = new ConcurrentHashMap<>();

	ChannelEventOutbox(SimpMessageSendingOperations broker) {
		this.broker = broker;
		for (int i = 0; i < STRIPES; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	SequenceSlot reserve(long channelId, long seq) {
		SequenceSlot slot = new SequenceSlot(channelId, seq);
		ReentrantLock lock = lockFor(channelId);
		lock.lock();
		try {
			this.pending.computeIfAbsent(channelId, (id) -> new ArrayDeque<>()).add(slot);
		}
		finally {
			lock.unlock();
		}
		return slot;
	}

	void complete(SequenceSlot slot, boolean committed) {
		ReentrantLock lock = lockFor(slot.channelId());
		lock.lock();
		try {
			slot.resolve(committed);
			ArrayDeque<SequenceSlot> queue = this.pending.get(slot.channelId());
			if (queue == null) {
				return;
			}
			while (!queue.isEmpty() && queue.peek().isResolved()) {
				send(queue.poll());
			}
			if (queue.isEmpty()) {
				this.pending.remove(slot.channelId());
			}
		}
		finally {
			lock.unlock();
		}
	}

	private void send(SequenceSlot slot) {
		Object event = slot.event();
		if (event == null) {
			return;
		}
		try {
			this.broker.convertAndSend(ChannelTopics.of(slot.channelId()), event);
		}
		catch (RuntimeException ex) {
			// Stored is stored: clients that miss this event recover it with sinceSeq.
			logger.warn("Could not publish seq {} of channel {}: {}", slot.seq(), slot.channelId(), ex.getMessage());
		}
	}

	private ReentrantLock lockFor(long channelId) {
		return this.locks[Math.floorMod(Long.hashCode(channelId), STRIPES)];
	}

}
