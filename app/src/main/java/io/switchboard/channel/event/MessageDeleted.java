package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code message.deleted}: a message was deleted; its content is blank from now on.
 */
@JsonTypeName("message.deleted")
public record MessageDeleted(long channelId, long seq, MessageView message) implements ChannelEvent {

}
