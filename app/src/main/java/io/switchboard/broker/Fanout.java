package io.switchboard.broker;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What the rest of the server publishes through: each event goes to the broker once and
 * reaches every node that has subscribers for it. Call it after the change it reports has
 * committed.
 */
@Component
public class Fanout {

	private static final Logger logger = LoggerFactory.getLogger(Fanout.class);

	private final BrokerLink link;

	private final JsonMapper json;

	Fanout(BrokerLink link, JsonMapper json) {
		this.link = link;
		this.json = json;
	}

	/**
	 * Publishes a channel event. If the broker cannot take it, subscribers still get it:
	 * every node reads committed events it has not received from the event log.
	 */
	public void publishChannelEvent(long channelId, long seq, byte[] json) {
		try {
			this.link.publish(new Destination.ChannelTopic(channelId).route(), seq, json);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not publish seq {} of channel {}: {}; subscribers will read it from the event log", seq,
					channelId, ex.getMessage());
		}
	}

	/**
	 * Publishes an event on a channel's topic that changes nothing stored and so has no
	 * {@code seq}, such as typing: subscribers get it as it comes, outside the ordered
	 * stream, and nobody recovers it. If the broker cannot take it, it is lost.
	 */
	public void publishEphemeral(long channelId, Object event) {
		publish(new Destination.ChannelTopic(channelId).route(), event);
	}

	/**
	 * Publishes an announcement to every subscriber of {@code /topic/announcements} in
	 * the workspace, on every node.
	 */
	public void publishAnnouncement(long workspaceId, Object event) {
		publish(new Destination.WorkspaceTopic(Destination.WorkspaceTopic.ANNOUNCEMENTS, workspaceId).route(), event);
	}

	/**
	 * Publishes a user's presence on {@code /topic/presence.{userId}}, on every node.
	 */
	public void publishPresence(long userId, Object event) {
		publish(new Destination.PresenceTopic(userId).route(), event);
	}

	/**
	 * Sends an event to every session of the user, on every node, that subscribes
	 * {@code /user/queue/notifications}.
	 */
	public void publishNotification(long userId, Object event) {
		publish(new Destination.UserQueue(userId, Destination.UserQueue.NOTIFICATIONS).route(), event);
	}

	/**
	 * Sends an event to every session of the user, on every node, that subscribes
	 * {@code /user/queue/channels}.
	 */
	public void publishToChannelsQueue(long userId, Object event) {
		publish(new Destination.UserQueue(userId, Destination.UserQueue.CHANNELS).route(), event);
	}

	/**
	 * Asks every node to check again whether the user may still read the channel, and to
	 * end their subscriptions to it if not. Call it after the change commits.
	 */
	public void accessChanged(long channelId, long userId) {
		publish(BrokerLink.Route.direct(NodeSubscriptions.CONTROL_ADDRESS),
				Map.of("channelId", channelId, "userId", userId));
	}

	/**
	 * Ends the user's subscriptions to the channel on every node, whether or not they may
	 * still read it (a member kicked from a public channel may subscribe again), with an
	 * error event that gives {@code reason}. Call it after the change commits.
	 */
	public void endSubscriptions(long channelId, long userId, String reason) {
		publish(BrokerLink.Route.direct(NodeSubscriptions.CONTROL_ADDRESS),
				Map.of("channelId", channelId, "userId", userId, "reason", reason));
	}

	/**
	 * Asks every node to check the user's sessions against the account as it is now, and
	 * to close those whose token no longer counts. Call it after the change commits.
	 */
	public void sessionsChanged(long userId) {
		publish(BrokerLink.Route.direct(NodeSubscriptions.CONTROL_ADDRESS), Map.of("userId", userId));
	}

	private void publish(BrokerLink.Route route, Object event) {
		try {
			this.link.publish(route, 0, this.json.writeValueAsBytes(event));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not publish to {}: {}", route.address(), ex.getMessage());
		}
	}

}
