package io.switchboard.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.switchboard.system.RequestRefused;
import io.switchboard.system.WireNames;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read and who may post in a channel; the rules the STOMP authorization and the
 * features' own services share.
 */
@Component
// A refusal answers the question; it does not doom the caller's transaction, such as a
// batch of changes that other senders' messages share.
@Transactional(readOnly = true, noRollbackFor = RequestRefused.class)
public class ChannelAccess {

	private final ChannelRepository channels;

	private final ChannelMemberRepository members;

	private final JdbcTemplate jdbc;

	ChannelAccess(ChannelRepository channels, ChannelMemberRepository members, JdbcTemplate jdbc) {
		this.channels = channels;
		this.members = members;
		this.jdbc = jdbc;
	}

	/**
	 * Members read their channels; anyone reads public and announcement channels.
	 */
	public boolean canRead(long channelId, long userId) {
		Optional<Channel> channel = this.channels.findById(channelId);
		return channel.isPresent() && (channel.get().type().isOpen() || isMember(channelId, userId));
	}

	public boolean isMember(long channelId, long userId) {
		return this.members.existsById(new ChannelMember.Key(channelId, userId));
	}

	public void requireReader(long channelId, long userId) {
		if (!canRead(channelId, userId)) {
			throw RequestRefused.forbidden("not a member of channel " + channelId);
		}
	}

	/**
	 * Members post; in announcement channels only channel admins and moderators do.
	 * Checked by a change in its batch, under the channel's lock, which has read the
	 * channel's type already. It runs for every batch on the write path, so it reads the
	 * one column it needs with plain JDBC.
	 */
	public void requirePoster(ChangeBatch batch, long userId) {
		Optional<MemberRole> role = batch.memberRole(userId,
				(id) -> this.jdbc
					.query("select role from channel_members where channel_id = ? and user_id = ?",
							(row, i) -> WireNames.parse(MemberRole.class, row.getString(1)), batch.channelId(), id)
					.stream()
					.findFirst());
		if (role.isEmpty() || (batch.channelType() == ChannelType.ANNOUNCEMENT && !role.get().canModerate())) {
			throw RequestRefused.forbidden("may not post in channel " + batch.channelId());
		}
	}

	public List<Long> memberIds(long channelId) {
		return this.members.findUserIds(channelId);
	}

	/**
	 * Which of these users are members: as much work as there are users asked about,
	 * however large the channel.
	 */
	public List<Long> membersAmong(long channelId, Collection<Long> userIds) {
		return userIds.isEmpty() ? List.of() : this.members.findUserIdsAmong(channelId, userIds);
	}

}
