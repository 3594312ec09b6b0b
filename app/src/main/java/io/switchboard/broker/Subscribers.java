package io.switchboard.broker;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * This node's subscribers of one destination. Delivery reads the array without a lock;
 * changes copy it, which is cheap because they are rare next to deliveries.
 */
final class Subscribers {

	private static final ClientSession.Subscription[] NONE = new ClientSession.Subscription[0];

	private final Destination destination;

	private final @Nullable ChannelStream stream;

	private final DeliveryMetrics metrics;

	private volatile ClientSession.Subscription[] members = NONE;

	/** Set once the node has unsubscribed the destination; a late joiner starts anew. */
	private boolean retired;

	Subscribers(Destination destination, DeliveryMetrics metrics) {
		this.destination = destination;
		this.metrics = metrics;
		this.stream = (destination instanceof Destination.ChannelTopic channel)
				? new ChannelStream(channel.channelId(), this) : null;
	}

	Destination destination() {
		return this.destination;
	}

	@Nullable ChannelStream stream() {
		return this.stream;
	}

	boolean isRetired() {
		return this.retired;
	}

	/** Called with this object's lock held. */
	void add(ClientSession.Subscription subscription) {
		ClientSession.Subscription[] current = this.members;
		ClientSession.Subscription[] next = Arrays.copyOf(current, current.length + 1);
		next[current.length] = subscription;
		this.members = next;
	}

	/**
	 * Called with this object's lock held.
	 * @return whether none are left, in which case this object is retired
	 */
	boolean remove(ClientSession.Subscription subscription) {
		ClientSession.Subscription[] current = this.members;
		int index = -1;
		for (int i = 0; i < current.length; i++) {
			if (current[i] == subscription) {
				index = i;
				break;
			}
		}
		if (index >= 0) {
			ClientSession.Subscription[] next = new ClientSession.Subscription[current.length - 1];
			System.arraycopy(current, 0, next, 0, index);
			System.arraycopy(current, index + 1, next, index, current.length - index - 1);
			this.members = next;
		}
		this.retired = this.members.length == 0;
		return this.retired;
	}

	int size() {
		return this.members.length;
	}

	/**
	 * Encodes the event once and queues it for every subscriber.
	 */
	void deliver(String messageId, byte[] json) {
		ClientSession.Subscription[] current = this.members;
		if (current.length == 0) {
			return;
		}
		String tail = StompFrames.messageTail(this.destination.name(), messageId, json);
		for (ClientSession.Subscription subscription : current) {
			subscription.deliver(tail);
		}
		this.metrics.delivered(current.length);
	}

}
