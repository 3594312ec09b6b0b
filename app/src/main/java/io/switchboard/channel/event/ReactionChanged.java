package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code reaction.changed}: a reaction was added to or removed from the message, which
 * carries its reactions as they are now.
 */
@JsonTypeName("reaction.changed")
public record ReactionChanged(long channelId, long seq, MessageView message) implements ChannelEvent {

}
