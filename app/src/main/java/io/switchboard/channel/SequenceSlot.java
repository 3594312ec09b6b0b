package io.switchboard.channel;

import io.switchboard.channel.event.ChannelEvent;
import org.jspecify.annotations.Nullable;

/**
 * A channel sequence number taken by a change in its batch, and that change's event.
 */
public final class SequenceSlot {

	private final ChangeBatch batch;

	private final long seq;

	private byte @Nullable [] event;

	SequenceSlot(ChangeBatch batch, long seq) {
		this.batch = batch;
		this.seq = seq;
	}

	public long channelId() {
		return this.batch.channelId();
	}

	public long seq() {
		return this.seq;
	}

	/**
	 * Records the event in the channel's event log with the rest of the batch, and has it
	 * published on the channel's topic once the batch commits, in {@code seq} order.
	 * Nothing is published if it rolls back.
	 */
	public void publishOnCommit(ChannelEvent event) {
		if (event.channelId() != this.batch.channelId() || event.seq() != this.seq) {
			throw new IllegalArgumentException("event for channel " + event.channelId() + " seq " + event.seq()
					+ " published in the slot of channel " + this.batch.channelId() + " seq " + this.seq);
		}
		this.event = this.batch.append(this.seq, event);
	}

	byte @Nullable [] event() {
		return this.event;
	}

}
