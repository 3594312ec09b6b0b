package io.switchboard.channel;

/**
 * The broker destination of a channel's live events.
 */
final class ChannelTopics {

	private ChannelTopics() {
	}

	public static String of(long channelId) {
		return "/topic/channel." + channelId;
	}

}
