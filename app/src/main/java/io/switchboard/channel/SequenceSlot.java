package io.switchboard.channel;

import org.jspecify.annotations.Nullable;

/**
 * A channel sequence number taken by a change in the current transaction, and the place
 * of that change's event in the channel's publication order.
 */
public final class SequenceSlot {

	private final long channelId;

	private final long seq;

	private final EventSink log;

	private byte @Nullable [] event;

	private boolean resolved;

	SequenceSlot(long channelId, long seq, EventSink log) {
		this.channelId = channelId;
		this.seq = seq;
		this.log = log;
	}

	public long channelId() {
		return this.channelId;
	}

	public long seq() {
		return this.seq;
	}

	/**
	 * Records the event in the channel's event log, in the current transaction, and
	 * publishes it on the channel's topic once the transaction commits, after the events
	 * of every lower sequence number. Nothing is published if it rolls back.
	 */
	public void publishOnCommit(Object event) {
		this.event = this.log.append(this.channelId, this.seq, event);
	}

	/**
	 * Where a slot's event is stored: the event log at once, or a batch that stores its
	 * events together before it commits.
	 */
	interface EventSink {

		/**
		 * Stores the event in the current transaction; returns it as it will be
		 * published.
		 */
		byte[] append(long channelId, long seq, Object event);

	}

	byte @Nullable [] event() {
		return this.event;
	}

	boolean isResolved() {
		return this.resolved;
	}

	/**
	 * Called once the transaction has ended: a rolled back change publishes nothing but
	 * must no longer hold back the changes after it.
	 */
	void resolve(boolean committed) {
		if (!committed) {
			this.event = null;
		}
		this.resolved = true;
	}

}
