package io.switchboard.channel;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.switchboard.broker.Fanout;

import org.springframework.stereotype.Component;

/**
 * Publishes channel events in sequence order.
 * <p>
 * Writers of one channel commit in sequence order (the row lock on the channel sees to
 * that) but the threads that then publish may run in any order. Each change reserves its
 * slot while it holds the lock; a slot is sent only when every slot before it has been
 * sent or dropped. Receiving nodes put events in order anyway; publishing in order spares
 * them reading gaps from the event log.
 */
@Component
class ChannelEventOutbox {

	private static final int STRIPES = 64;

	private final Fanout fanout;

	private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

	/** Pending slots per channel, oldest first; each entry guarded by its stripe lock. */
	private final Map<Long, ArrayDeque<SequenceSlot>> pending = new ConcurrentHashMap<>();

	ChannelEventOutbox(Fanout fanout) {
		this.fanout = fanout;
		for (int i = 0; i < STRIPES; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	SequenceSlot reserve(SequenceSlot slot) {
		ReentrantLock lock = lockFor(slot.channelId());
		lock.lock();
		try {
			this.pending.computeIfAbsent(slot.channelId(), (id) -> new ArrayDeque<>()).add(slot);
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
		byte[] event = slot.event();
		if (event != null) {
			this.fanout.publishChannelEvent(slot.channelId(), slot.seq(), event);
		}
	}

	private ReentrantLock lockFor(long channelId) {
		return this.locks[Math.floorMod(Long.hashCode(channelId), STRIPES)];
	}

}
