package io.switchboard.channel;

import io.switchboard.system.RequestRefused;

import org.springframework.stereotype.Component;

/**
 * Reads a channel's sequence. Only {@link ChannelWriter} moves it, one batch of changes
 * at a time under the channel's lock.
 */
@Component
public class ChannelSequence {

	private final ChannelRepository channels;

	ChannelSequence(ChannelRepository channels) {
		this.channels = channels;
	}

	public long current(long channelId) {
		return this.channels.findLastSeq(channelId)
			.orElseThrow(() -> RequestRefused.notFound("no channel " + channelId));
	}

}
