package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code message.created}: a message was posted; its {@code seq} is the message's.
 */
@JsonTypeName("message.created")
public record MessageCreated(long channelId, long seq, MessageView message) implements ChannelEvent {

	public MessageCreated(MessageView message) {
		this(message.channelId(), message.seq(), message);
	}

}
