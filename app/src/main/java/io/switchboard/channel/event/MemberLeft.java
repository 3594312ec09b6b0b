package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code member.left}: a member left the channel.
 */
@JsonTypeName("member.left")
public record MemberLeft(long channelId, long seq, MemberView member) implements ChannelEvent {

}
