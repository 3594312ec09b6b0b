package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code message.edited}: a message's content was edited; {@code seq} is the edit's,
 * {@code message.lastSeq} too.
 */
@JsonTypeName("message.edited")
public record MessageEdited(long channelId, long seq, MessageView message) implements ChannelEvent {

}
