package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code member.left}: a member left the channel, or was removed from it.
 *
 * @param reason {@code left}, {@code kicked} or {@code banned}
 */
@JsonTypeName("member.left")
public record MemberLeft(long channelId, long seq, MemberView member, String reason) implements ChannelEvent {

	public static final String LEFT = "left";

	public static final String KICKED = "kicked";

	public static final String BANNED = "banned";

}
