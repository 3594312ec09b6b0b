package io.switchboard.channel;

import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's own settings for one channel: how much of it notifies them, and whether it
 * counts in their unread badges. Nobody else sees them, so they take no {@code seq}.
 */
@Service
class MemberPreferences {

	private final ChannelMemberRepository members;

	private final ChannelDirectory directory;

	MemberPreferences(ChannelMemberRepository members, ChannelDirectory directory) {
		this.members = members;
		this.directory = directory;
	}

	@Transactional
	ChannelView set(long channelId, CurrentUser member, NotificationLevel level, boolean muted) {
		// The channel as the member sees it first: another workspace's is not found.
		this.directory.view(channelId, member);
		ChannelMember membership = this.members.findByChannelIdAndUserId(channelId, member.id())
			.orElseThrow(() -> RequestRefused.forbidden("not a member of channel " + channelId));
		membership.prefer(level, muted);
		this.members.flush();
		return this.directory.view(channelId, member);
	}

}
