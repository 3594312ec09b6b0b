package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code read.updated}: a member of a direct or group channel has read up to
 * {@code readSeq}, for read receipts.
 */
@JsonTypeName("read.updated")
public record ReadUpdated(long channelId, long seq, long userId, long readSeq) implements ChannelEvent {

}
