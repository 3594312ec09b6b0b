package io.switchboard.channel;

import io.switchboard.system.RequestRefused;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands out each channel's sequence numbers: strictly increasing by one per stored
 * change, and never reused, because the increment commits or rolls back with the change.
 */
@Component
public class ChannelSequence {

	private final ChannelRepository channels;

	private final ChannelEventOutbox outbox;

	private final ChannelEventLog log;

	ChannelSequence(ChannelRepository channels, ChannelEventOutbox outbox, ChannelEventLog log) {
		this.channels = channels;
		this.outbox = outbox;
		this.log = log;
	}

	/**
	 * Takes the channel's next sequence number for a change in the current transaction.
	 * Other writers of the channel wait until this transaction ends.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public SequenceSlot next(long channelId) {
		if (this.channels.incrementSeq(channelId) != 1) {
			throw RequestRefused.notFound("no channel " + channelId);
		}
		long seq = this.channels.findLastSeq(channelId).orElseThrow();
		SequenceSlot slot = this.outbox.reserve(new SequenceSlot(channelId, seq, this.log));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				ChannelSequence.this.outbox.complete(slot, status == STATUS_COMMITTED);
			}

		});
		return slot;
	}

	/**
	 * Makes other writers of the channel wait until the current transaction ends, so that
	 * what it checks now still holds when it takes its sequence number.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(long channelId) {
		this.channels.lockById(channelId).orElseThrow(() -> RequestRefused.notFound("no channel " + channelId));
	}

	public long current(long channelId) {
		return this.channels.findLastSeq(channelId)
			.orElseThrow(() -> RequestRefused.notFound("no channel " + channelId));
	}

}
