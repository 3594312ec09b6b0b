package io.switchboard.channel;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A channel as {@code /api/channels} shows it. The member fields are {@code null} when
 * the caller is not a member.
 */
public record ChannelView(long id, String name, ChannelType type, @Nullable String description, long lastSeq,
		@Nullable MemberRole role, @Nullable Long readSeq, @Nullable Long unreadCount, Instant createdAt) {

	static ChannelView ofMember(Channel channel, ChannelMember member, long unreadCount) {
		return new ChannelView(channel.id(), channel.name(), channel.type(), channel.description(), channel.lastSeq(),
				member.role(), member.readSeq(), unreadCount, channel.createdAt());
	}

	static ChannelView ofVisitor(Channel channel) {
		return new ChannelView(channel.id(), channel.name(), channel.type(), channel.description(), channel.lastSeq(),
				null, null, null, channel.createdAt());
	}

}
