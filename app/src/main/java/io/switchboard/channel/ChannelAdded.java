package io.switchboard.channel;

/**
 * Tells every session of a user, on {@code /user/queue/channels}, that they have become a
 * member of a channel (PROTOCOL.md section 2): its topic is not one they follow yet, so
 * the channel's own {@code member.joined} does not reach them. Not stored; a client that
 * was away finds the channel in {@code GET /api/channels}.
 */
record ChannelAdded(String type, long channelId) {

	static ChannelAdded of(long channelId) {
		return new ChannelAdded("channel.added", channelId);
	}

}
