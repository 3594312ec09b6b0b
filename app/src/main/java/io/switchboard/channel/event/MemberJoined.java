package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code member.joined}: a user joined the channel or was added to it.
 */
@JsonTypeName("member.joined")
public record MemberJoined(long channelId, long seq, MemberView member) implements ChannelEvent {

}
