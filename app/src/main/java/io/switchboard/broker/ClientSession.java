package io.switchboard.broker;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A connected STOMP session: whose it is, until when its token holds, its agreed
 * heart-beats and its subscriptions.
 */
final class ClientSession {

	private final ClientConnection connection;

	private final Principal user;

	private final long userId;

	private final @Nullable Instant expiresAt;

	private final long outgoingHeartbeatNanos;

	private final long incomingHeartbeatNanos;

	private final Map<String, Subscription> subscriptions = new HashMap<>(4);

	ClientSession(ClientConnection connection, Principal user, long userId, @Nullable Instant expiresAt,
			long outgoingHeartbeatNanos, long incomingHeartbeatNanos) {
		this.connection = connection;
		this.user = user;
		this.userId = userId;
		this.expiresAt = expiresAt;
		this.outgoingHeartbeatNanos = outgoingHeartbeatNanos;
		this.incomingHeartbeatNanos = incomingHeartbeatNanos;
	}

	ClientConnection connection() {
		return this.connection;
	}

	String id() {
		return this.connection.getId();
	}

	Principal user() {
		return this.user;
	}

	long userId() {
		return this.userId;
	}

	boolean isExpired(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	/** How often the server heart-beats to the client; 0 for never. */
	long outgoingHeartbeatNanos() {
		return this.outgoingHeartbeatNanos;
	}

	/** How often the client promised to heart-beat; 0 for never. */
	long incomingHeartbeatNanos() {
		return this.incomingHeartbeatNanos;
	}

	synchronized int subscriptionCount() {
		return this.subscriptions.size();
	}

	synchronized boolean hasSubscription(String id) {
		return this.subscriptions.containsKey(id);
	}

	synchronized void add(Subscription subscription) {
		this.subscriptions.put(subscription.id(), subscription);
	}

	synchronized @Nullable Subscription remove(String id) {
		return this.subscriptions.remove(id);
	}

	synchronized List<Subscription> removeAll() {
		List<Subscription> all = new ArrayList<>(this.subscriptions.values());
		this.subscriptions.clear();
		return all;
	}

	synchronized List<Subscription> subscriptionsTo(Destination destination) {
		List<Subscription> found = new ArrayList<>(1);
		for (Subscription subscription : this.subscriptions.values()) {
			if (subscription.destination().equals(destination)) {
				found.add(subscription);
			}
		}
		return found;
	}

	/**
	 * One subscription of a session, with its id escaped once for every frame it gets.
	 */
	record Subscription(ClientSession session, String id, String escapedId, Destination destination) {

		Subscription(ClientSession session, String id, Destination destination) {
			this(session, id, StompFrames.escape(id), destination);
		}

		void deliver(String messageTail) {
			this.session.connection().offer(StompFrames.message(this.escapedId, messageTail));
		}

	}

}
