package io.switchboard.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Every subscription of this node's sessions, by destination. The node subscribes a
 * destination on the broker while it has at least one local subscriber, and fans out what
 * the broker delivers for it: once per node, encoded once, written to each subscriber.
 */
final class NodeSubscriptions implements BrokerLink.Receiver {

	enum Outcome {

		ADDED, DUPLICATE_ID, TOO_MANY

	}

	static final String CONTROL_ADDRESS = Destination.ADDRESS_PREFIX + "control";

	private final Map<String, Subscribers> byAddress = new ConcurrentHashMap<>();

	private final AtomicLong messageIds = new AtomicLong();

	private final BrokerLink link;

	private final EventLog log;

	private final ChannelRepair repair;

	private final int maxPerSession;

	private final DeliveryMetrics metrics;

	private volatile Consumer<byte[]> controlHandler = (body) -> {
	};

	NodeSubscriptions(BrokerLink link, EventLog log, ChannelRepair repair, int maxPerSession, DeliveryMetrics metrics) {
		this.link = link;
		this.log = log;
		this.repair = repair;
		this.maxPerSession = maxPerSession;
		this.metrics = metrics;
	}

	void onControl(Consumer<byte[]> handler) {
		this.controlHandler = handler;
		this.link.bind(BrokerLink.Route.direct(CONTROL_ADDRESS));
	}

	/**
	 * Adds a subscription; returns once the node receives the destination's events, so a
	 * RECEIPT sent then means what the client thinks it means.
	 */
	Outcome add(ClientSession session, String id, Destination destination) {
		ClientSession.Subscription subscription = new ClientSession.Subscription(session, id, destination);
		synchronized (session) {
			if (session.hasSubscription(id)) {
				return Outcome.DUPLICATE_ID;
			}
			if (session.subscriptionCount() >= this.maxPerSession) {
				return Outcome.TOO_MANY;
			}
			if (destination instanceof Destination.SessionQueue) {
				session.add(subscription);
				return Outcome.ADDED;
			}
			while (true) {
				Subscribers subscribers = this.byAddress.computeIfAbsent(destination.address(),
						(address) -> new Subscribers(destination, this.metrics));
				synchronized (subscribers) {
					if (subscribers.isRetired()) {
						continue;
					}
					if (subscribers.size() == 0) {
						start(subscribers);
					}
					subscribers.add(subscription);
					session.add(subscription);
					return Outcome.ADDED;
				}
			}
		}
	}

	void remove(ClientSession session, String id) {
		ClientSession.Subscription subscription = session.remove(id);
		if (subscription != null) {
			detach(subscription);
		}
	}

	void removeAll(ClientSession session) {
		session.removeAll().forEach(this::detach);
	}

	/**
	 * Delivers to one session's own queue, such as its errors: nothing crosses the
	 * broker.
	 */
	void deliverToSession(ClientSession session, Destination.SessionQueue queue, byte[] json) {
		List<ClientSession.Subscription> subscriptions = session.subscriptionsTo(queue);
		if (subscriptions.isEmpty()) {
			return;
		}
		String tail = StompFrames.messageTail(queue.name(), nextMessageId(), json);
		subscriptions.forEach((subscription) -> subscription.deliver(tail));
		this.metrics.delivered(subscriptions.size());
	}

	List<ChannelStream> channelStreams() {
		List<ChannelStream> streams = new ArrayList<>();
		for (Subscribers subscribers : this.byAddress.values()) {
			ChannelStream stream = subscribers.stream();
			if (stream != null) {
				streams.add(stream);
			}
		}
		return streams;
	}

	int destinationCount() {
		return this.byAddress.size();
	}

	@Override
	public void receive(String address, long seq, long publishedAt, byte[] body) {
		if (CONTROL_ADDRESS.equals(address)) {
			this.controlHandler.accept(body);
			return;
		}
		Subscribers subscribers = this.byAddress.get(address);
		if (subscribers == null) {
			// Unsubscribed meanwhile, or for another node's user on a shared address.
			return;
		}
		this.metrics.published(publishedAt);
		ChannelStream stream = subscribers.stream();
		if (stream == null || seq == 0) {
			// Not a channel, or a channel's event without a seq
			// (Fanout#publishEphemeral).
			subscribers.deliver(nextMessageId(), body);
		}
		else if (stream.offer(seq, body)) {
			this.repair.fill(stream);
		}
	}

	@Override
	public void linkRestored() {
		// Channel events lost meanwhile are found by the next repair sweep.
	}

	/**
	 * Binds the destination on the broker, then, for a channel, notes where its
	 * subscribers start: anything committed before that they recover with
	 * {@code sinceSeq}.
	 */
	private void start(Subscribers subscribers) {
		Destination destination = subscribers.destination();
		this.link.bind(destination.route());
		ChannelStream stream = subscribers.stream();
		if (stream != null) {
			Long seq = this.log.lastSeqs(List.of(stream.channelId())).get(stream.channelId());
			stream.startAfter((seq != null) ? seq : 0);
		}
	}

	private void detach(ClientSession.Subscription subscription) {
		Destination destination = subscription.destination();
		String address = destination.address();
		if (address.isEmpty()) {
			return;
		}
		@Nullable Subscribers subscribers = this.byAddress.get(address);
		if (subscribers == null) {
			return;
		}
		synchronized (subscribers) {
			if (subscribers.remove(subscription)) {
				this.byAddress.remove(address, subscribers);
				this.link.unbind(destination.route());
			}
		}
	}

	private String nextMessageId() {
		return Long.toString(this.messageIds.incrementAndGet());
	}

}
