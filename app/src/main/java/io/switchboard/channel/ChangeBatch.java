package io.switchboard.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.switchboard.broker.EventLog.LoggedEvent;

/**
 * The changes to one channel stored in one transaction, under the channel's lock: they
 * take consecutive {@code seq} values, and their events are stored together before the
 * transaction commits.
 */
public final class ChangeBatch {

	private final long channelId;

	private final ChannelType channelType;

	private final ChannelEventLog log;

	private long lastSeq;

	private final List<SequenceSlot> slots = new ArrayList<>();

	private final List<LoggedEvent> events = new ArrayList<>();

	/** Members' roles read in this batch, and who is not a member. */
	private final Map<Long, Optional<MemberRole>> roles = new HashMap<>();

	ChangeBatch(long channelId, ChannelType channelType, long lastSeq, ChannelEventLog log) {
		this.channelId = channelId;
		this.channelType = channelType;
		this.lastSeq = lastSeq;
		this.log = log;
	}

	public long channelId() {
		return this.channelId;
	}

	public ChannelType channelType() {
		return this.channelType;
	}

	/**
	 * Takes the channel's next {@code seq} for the change being applied; its event goes
	 * out after commit, in {@code seq} order.
	 */
	public SequenceSlot next() {
		this.lastSeq++;
		SequenceSlot slot = new SequenceSlot(this, this.lastSeq);
		this.slots.add(slot);
		return slot;
	}

	/**
	 * The user's role in the channel, read once per batch: a session that sends fifty
	 * messages at once costs one query.
	 */
	Optional<MemberRole> memberRole(long userId, Function<Long, Optional<MemberRole>> read) {
		return this.roles.computeIfAbsent(userId, read);
	}

	/**
	 * A change of the batch added or removed a member: what was read before no longer
	 * holds.
	 */
	void membershipChanged() {
		this.roles.clear();
	}

	byte[] append(long seq, Object event) {
		byte[] payload = this.log.serialize(event);
		this.events.add(new LoggedEvent(seq, payload));
		return payload;
	}

	int slotCount() {
		return this.slots.size();
	}

	boolean tookSeq() {
		return !this.slots.isEmpty();
	}

	long lastSeq() {
		return this.lastSeq;
	}

	List<LoggedEvent> events() {
		return this.events;
	}

	List<SequenceSlot> slots() {
		return this.slots;
	}

}
