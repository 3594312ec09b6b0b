package io.switchboard.broker;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A destination a client may subscribe to (PROTOCOL.md section 2), and the broker address
 * that carries its events between nodes. Only destinations parsed here exist: whatever
 * else a client writes never reaches the broker.
 */
sealed interface Destination {

	String ADDRESS_PREFIX = "switchboard.";

	/** Ids are positive numbers that fit a long: at most 18 digits, no sign. */
	Pattern CHANNEL = Pattern.compile("/topic/channel\\.([1-9][0-9]{0,17})");

	Pattern PRESENCE = Pattern.compile("/topic/presence\\.([1-9][0-9]{0,17})");

	/** What the MESSAGE frames' {@code destination} header says. */
	String name();

	/**
	 * Destinations of a kind that there can be one of per user share this many broker
	 * addresses, so that the broker holds a bounded number of queues however many users
	 * are online or whose presence is watched. Every node must agree on it.
	 */
	int SHARED_CARRIERS = 64;

	/**
	 * The address of its events, by which a node finds its local subscribers; empty for
	 * one session's own queue, which stays on its node.
	 */
	String address();

	/**
	 * The broker address that carries its events between nodes: its own address, or one
	 * it shares with other destinations of its kind.
	 */
	default BrokerLink.Route route() {
		return BrokerLink.Route.direct(address());
	}

	/**
	 * @param workspaceId the subscriber's workspace; without one, no per-workspace
	 * destination exists for them
	 */
	static Optional<Destination> parse(String name, long userId, @Nullable Long workspaceId) {
		Matcher channel = CHANNEL.matcher(name);
		if (channel.matches()) {
			return Optional.of(new ChannelTopic(Long.parseLong(channel.group(1))));
		}
		Matcher presence = PRESENCE.matcher(name);
		if (presence.matches()) {
			return Optional.of(new PresenceTopic(Long.parseLong(presence.group(1))));
		}
		if (name.equals(WorkspaceTopic.ANNOUNCEMENTS)) {
			return Optional.ofNullable(workspaceId).map((workspace) -> new WorkspaceTopic(name, workspace));
		}
		if (name.equals(UserQueue.NOTIFICATIONS) || name.equals(UserQueue.CHANNELS)) {
			return Optional.of(new UserQueue(userId, name));
		}
		if (name.equals(SessionQueue.ERRORS)) {
			return Optional.of(new SessionQueue(name));
		}
		return Optional.empty();
	}

	/**
	 * A channel's events, delivered in {@code seq} order.
	 */
	record ChannelTopic(long channelId) implements Destination {

		@Override
		public String name() {
			return "/topic/channel." + this.channelId;
		}

		@Override
		public String address() {
			return ADDRESS_PREFIX + "channel." + this.channelId;
		}

	}

	/**
	 * A topic of one workspace, such as its announcements: everyone subscribes to the
	 * same name and receives their own workspace's events.
	 */
	record WorkspaceTopic(String name, long workspaceId) implements Destination {

		static final String ANNOUNCEMENTS = "/topic/announcements";

		@Override
		public String address() {
			return ADDRESS_PREFIX + this.name.substring("/topic/".length()) + "." + this.workspaceId;
		}

	}

	/**
	 * One user's presence, which anyone may watch.
	 */
	record PresenceTopic(long userId) implements Destination {

		@Override
		public String name() {
			return "/topic/presence." + this.userId;
		}

		@Override
		public String address() {
			return ADDRESS_PREFIX + "presence." + this.userId;
		}

		@Override
		public BrokerLink.Route route() {
			return new BrokerLink.Route(address(), sharedCarrier("presence", this.userId));
		}

	}

	/**
	 * A queue that reaches every session of one user, on every node.
	 */
	record UserQueue(long userId, String name) implements Destination {

		static final String NOTIFICATIONS = "/user/queue/notifications";

		static final String CHANNELS = "/user/queue/channels";

		@Override
		public String address() {
			return ADDRESS_PREFIX + "user." + this.userId + "." + this.name.substring("/user/queue/".length());
		}

		@Override
		public BrokerLink.Route route() {
			return new BrokerLink.Route(address(), sharedCarrier("user", this.userId));
		}

	}

	private static String sharedCarrier(String kind, long userId) {
		return ADDRESS_PREFIX + "shared." + kind + "." + Math.floorMod(userId, SHARED_CARRIERS);
	}

	/**
	 * A queue that reaches only the one session that subscribed it: error events about
	 * that session's own frames. It never crosses the broker.
	 */
	record SessionQueue(String name) implements Destination {

		static final String ERRORS = "/user/queue/errors";

		static final SessionQueue ERRORS_QUEUE = new SessionQueue(ERRORS);

		@Override
		public String address() {
			return "";
		}

	}

}
