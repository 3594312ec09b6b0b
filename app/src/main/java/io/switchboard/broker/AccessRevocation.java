package io.switchboard.broker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.switchboard.system.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends the subscriptions of a user who may no longer read a channel, and the sessions of
 * a user who may no longer be signed in, on every node: each node checks its own sessions
 * of the user again when told that their access changed.
 */
final class AccessRevocation {

	private static final long RECENT_NANOS = TimeUnit.SECONDS.toNanos(10);

	private static final Logger logger = LoggerFactory.getLogger(AccessRevocation.class);

	private final ClientSessions sessions;

	private final NodeSubscriptions subscriptions;

	private final SubscriptionAccess access;

	private final SessionAccess sessionAccess;

	private final StompErrors errors;

	private final JsonMapper json;

	private final Executor executor;

	/**
	 * Users whose sessions were checked again lately, and when: a session whose token was
	 * checked before such a change but that attached only after it is checked once more.
	 */
	private final Map<Long, Long> recentlyChecked = new ConcurrentHashMap<>();

	AccessRevocation(ClientSessions sessions, NodeSubscriptions subscriptions, SubscriptionAccess access,
			SessionAccess sessionAccess, StompErrors errors, JsonMapper json, Executor executor) {
		this.sessions = sessions;
		this.subscriptions = subscriptions;
		this.access = access;
		this.sessionAccess = sessionAccess;
		this.errors = errors;
		this.json = json;
		this.executor = executor;
	}

	/**
	 * A control message from the broker; the check reads the database, so it runs off the
	 * broker's delivery thread.
	 */
	void onControl(byte[] body) {
		try {
			JsonNode change = this.json.readTree(body);
			long userId = change.get("userId").asLong();
			JsonNode channelId = change.get("channelId");
			JsonNode reason = change.get("reason");
			if (channelId != null) {
				String ended = (reason != null) ? reason.asString() : null;
				this.executor.execute(() -> recheck(channelId.asLong(), userId, ended));
			}
			else {
				this.executor.execute(() -> recheckSessions(userId));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring a malformed control message: {}", ex.getMessage());
		}
	}

	/**
	 * Closes the user's sessions whose token no longer counts, as an expired token's
	 * session is closed.
	 */
	void recheckSessions(long userId) {
		long now = System.nanoTime();
		this.recentlyChecked.put(userId, now);
		this.recentlyChecked.values().removeIf((at) -> now - at > RECENT_NANOS);
		this.sessions.sessionsOf(userId).forEach(this::closeIfRefused);
	}

	private void closeIfRefused(ClientSession session) {
		String refusal = this.sessionAccess.refusal(session.user());
		if (refusal != null) {
			session.connection().closeWithError(ErrorFrame.unauthorized(refusal));
		}
	}

	/**
	 * A session has just been attached: if its user's sessions were checked again while
	 * its CONNECT was being authenticated, it may have missed that check.
	 */
	void connected(ClientSession session) {
		Long checkedAt = this.recentlyChecked.get(session.userId());
		if (checkedAt != null && System.nanoTime() - checkedAt < RECENT_NANOS) {
			this.executor.execute(() -> closeIfRefused(session));
		}
	}

	/**
	 * @param ended why the subscriptions end whatever the rules say now, or {@code null}
	 * to ask the rules
	 */
	void recheck(long channelId, long userId, @Nullable String ended) {
		Destination.ChannelTopic channel = new Destination.ChannelTopic(channelId);
		for (ClientSession session : this.sessions.sessionsOf(userId)) {
			List<ClientSession.Subscription> held = session.subscriptionsTo(channel);
			if (held.isEmpty()) {
				continue;
			}
			String refusal = (ended != null) ? ended : this.access.refusal(session.user(), channel.name());
			if (refusal == null) {
				continue;
			}
			for (ClientSession.Subscription subscription : held) {
				this.subscriptions.remove(session, subscription.id());
			}
			this.errors.send(session, new ErrorEvent(ErrorCode.FORBIDDEN, "subscription ended: " + refusal,
					channel.name(), null, null, null));
		}
	}

}
