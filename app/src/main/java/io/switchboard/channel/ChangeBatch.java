package io.switchboard.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.switchboard.broker.EventLog.LoggedEvent;
import io.switchboard.channel.event.ChannelEvent;

/**
 * The changes to one channel stored in one transaction, under the channel's lock: they
 * take consecutive {@code seq} values, and their events are stored together before the
 * transaction commits.
 */
public final class ChangeBatch {

	private final long channelId;

	private final ChannelType channelType;

	private final long workspaceId;

	private boolean closed;

	private final ChannelEventLog log;

	private final Instant time;

	private final List<ChannelChange<?>> changes = new ArrayList<>();

	private long lastSeq;

	private final List<SequenceSlot> slots = new ArrayList<>();

	private final List<LoggedEvent> events = new ArrayList<>();

	/** Members' standing read in this batch, and who is not a member. */
	private final Map<Long, Optional<MemberStanding>> standings = new HashMap<>();

	private final Map<Class<?>, Object> shared = new HashMap<>();

	private final List<Runnable> afterPublish = new ArrayList<>();

	ChangeBatch(long channelId, ChannelType channelType, long workspaceId, long lastSeq, boolean closed, Instant time,
			ChannelEventLog log) {
		this.channelId = channelId;
		this.channelType = channelType;
		this.workspaceId = workspaceId;
		this.closed = closed;
		this.lastSeq = lastSeq;
		this.time = time;
		this.log = log;
	}

	public long channelId() {
		return this.channelId;
	}

	public ChannelType channelType() {
		return this.channelType;
	}

	public long workspaceId() {
		return this.workspaceId;
	}

	/**
	 * Whether the channel is closed (a support channel whose question is answered):
	 * nothing more is posted in it.
	 */
	public boolean closed() {
		return this.closed;
	}

	void close() {
		this.closed = true;
	}

	/**
	 * When the batch's transaction began: the time of every change it stores, e.g. a
	 * message's {@code createdAt}.
	 */
	public Instant time() {
		return this.time;
	}

	/**
	 * The batch's changes of one kind, in the order they were recorded, so that the first
	 * of them can read what all of them need in one query.
	 */
	public <C> List<C> changesOf(Class<C> type) {
		return this.changes.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/**
	 * What the batch's changes share, made once per batch by the first that asks, e.g.
	 * which of the senders' {@code clientMessageId}s are stored already.
	 */
	public <T> T shared(Class<T> type, Supplier<T> create) {
		return type.cast(this.shared.computeIfAbsent(type, (key) -> create.get()));
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
	 * The user's role in the channel and whether they are muted, read once per batch: a
	 * session that sends fifty messages at once costs one query.
	 */
	Optional<MemberStanding> standing(long userId, Function<Long, Optional<MemberStanding>> read) {
		return this.standings.computeIfAbsent(userId, read);
	}

	/**
	 * A change of the batch added or removed a member: what was read before no longer
	 * holds.
	 */
	void membershipChanged() {
		this.standings.clear();
	}

	byte[] append(long seq, ChannelEvent event) {
		byte[] payload = this.log.serialize(event);
		this.events.add(new LoggedEvent(seq, payload));
		return payload;
	}

	/**
	 * Runs the action once the batch has committed and its events are published, e.g.
	 * ending subscriptions after the event that tells their holder why.
	 */
	void onPublished(Runnable action) {
		this.afterPublish.add(action);
	}

	List<Runnable> afterPublish() {
		return this.afterPublish;
	}

	void add(ChannelChange<?> change) {
		this.changes.add(change);
	}

	int slotCount() {
		return this.slots.size();
	}

	boolean tookSeq() {
		return !this.slots.isEmpty();
	}

	/**
	 * The channel's sequence as the batch's changes so far leave it.
	 */
	public long lastSeq() {
		return this.lastSeq;
	}

	List<LoggedEvent> events() {
		return this.events;
	}

	List<SequenceSlot> slots() {
		return this.slots;
	}

}
