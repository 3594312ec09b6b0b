package io.switchboard.channel;

import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A member's own settings for one channel: how much of it notifies them, and whether it
 * counts in their unread badges. Nobody else sees them, so they take no {@code seq}.
 */
@Service
class MemberPreferences {

	private final JdbcTemplate jdbc;

	private final ChannelDirectory directory;

	MemberPreferences(JdbcTemplate jdbc, ChannelDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	/**
	 * Not one transaction: the answer is read after the update commits, not from what the
	 * check before it loaded.
	 */
	ChannelView set(long channelId, CurrentUser member, NotificationLevel level, boolean muted) {
		// The channel as the member sees it first: another workspace's is not found.
		this.directory.view(channelId, member);
		// The two columns only, whatever else changes the membership meanwhile.
		int updated = this.jdbc.update(
				"update channel_members set notification_level = ?, muted = ? where channel_id = ? and user_id = ?",
				level.wireName(), muted, channelId, member.id());
		if (updated == 0) {
			throw RequestRefused.forbidden("not a member of channel " + channelId);
		}
		return this.directory.view(channelId, member);
	}

}
