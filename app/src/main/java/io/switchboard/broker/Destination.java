package io.switchboard.broker;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
	 * The broker address of its events; empty for one session's own queue, which stays on
	 * its node.
	 */
	String address();

	static Optional<Destination> parse(String name, long userId) {
		Matcher channel = CHANNEL.matcher(name);
		if (channel.matches()) {
			return Optional.of(new ChannelTopic(Long.parseLong(channel.group(1))));
		}
		if (name.equals(Topic.ANNOUNCEMENTS) || PRESENCE.matcher(name).matches()) {
			return Optional.of(new Topic(name));
		}
		if (name.equals(UserQueue.NOTIFICATIONS)) {
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
	 * A topic everyone may read: announcements, someone's presence.
	 */
	record Topic(String name) implements Destination {

		static final String ANNOUNCEMENTS = "/topic/announcements";

		@Override
		public String address() {
			return ADDRESS_PREFIX + this.name.substring("/topic/".length());
		}

	}

	/**
	 * A queue that reaches every session of one user, on every node.
	 */
	record UserQueue(long userId, String name) implements Destination {

		static final String NOTIFICATIONS = "/user/queue/notifications";

		@Override
		public String address() {
			return ADDRESS_PREFIX + "user." + this.userId + "." + this.name.substring("/user/queue/".length());
		}

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
