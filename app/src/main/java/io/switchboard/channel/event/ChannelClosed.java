package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code channel.closed}: a support channel's question is answered; nothing more is
 * posted in it.
 *
 * @param closedBy who closed it
 */
@JsonTypeName("channel.closed")
public record ChannelClosed(long channelId, long seq, long closedBy) implements ChannelEvent {

}
