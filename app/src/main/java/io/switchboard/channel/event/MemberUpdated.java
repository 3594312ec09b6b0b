package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code member.updated}: a member's role in the channel changed.
 */
@JsonTypeName("member.updated")
public record MemberUpdated(long channelId, long seq, MemberView member) implements ChannelEvent {

}
