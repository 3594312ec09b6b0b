package io.switchboard.broker;

import java.util.List;
import java.util.concurrent.Executor;

import io.switchboard.system.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends the subscriptions of a user who may no longer read a channel, on every node: each
 * node checks its own sessions of the user again when told that their access changed.
 */
final class AccessRevocation {

	private static final Logger logger = LoggerFactory.getLogger(AccessRevocation.class);

	private final ClientSessions sessions;

	private final NodeSubscriptions subscriptions;

	private final SubscriptionAccess access;

	private final StompErrors errors;

	private final JsonMapper json;

	private final Executor executor;

	AccessRevocation(ClientSessions sessions, NodeSubscriptions subscriptions, SubscriptionAccess access,
			StompErrors errors, JsonMapper json, Executor executor) {
		this.sessions = sessions;
		this.subscriptions = subscriptions;
		this.access = access;
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
			long channelId = change.get("channelId").asLong();
			long userId = change.get("userId").asLong();
			this.executor.execute(() -> recheck(channelId, userId));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring a malformed control message: {}", ex.getMessage());
		}
	}

	void recheck(long channelId, long userId) {
		Destination.ChannelTopic channel = new Destination.ChannelTopic(channelId);
		for (ClientSession session : this.sessions.sessionsOf(userId)) {
			List<ClientSession.Subscription> held = session.subscriptionsTo(channel);
			if (held.isEmpty()) {
				continue;
			}
			String refusal = this.access.refusal(session.user(), channel.name());
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
