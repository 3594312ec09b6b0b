package io.switchboard.channel;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A channel as {@code /api/channels} shows it. The member fields are {@code null} when
 * the caller is not a member.
 */
record ChannelView(long id, String name, ChannelType type, @Nullable String description, long lastSeq,
		@Nullable MemberRole role, @Nullable Long readSeq, @Nullable Long unreadCount, @Nullable Long mentionCount,
		@Nullable NotificationLevel notifications, @Nullable Boolean muted, Instant createdAt,
		@Nullable Instant closedAt) {

	/**
	 * @param lastSeq the channel's sequence as the caller read it: an entity loaded
	 * before a change in the same transaction took a number still shows the old one
	 */
	static ChannelView ofMember(Channel channel, long lastSeq, ChannelMember member, UnreadCounter.Unread unread) {
		return new ChannelView(channel.id(), channel.name(), channel.type(), channel.description(), lastSeq,
				member.role(), member.readSeq(), unread.messages(), unread.mentions(), member.notificationLevel(),
				member.muted(), channel.createdAt(), channel.closedAt());
	}

	static ChannelView ofVisitor(Channel channel, long lastSeq) {
		return new ChannelView(channel.id(), channel.name(), channel.type(), channel.description(), lastSeq, null, null,
				null, null, null, null, channel.createdAt(), channel.closedAt());
	}

}
