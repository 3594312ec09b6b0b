package io.switchboard.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.switchboard.system.RequestRefused;

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

	ChannelAccess(ChannelRepository channels, ChannelMemberRepository members) {
		this.channels = channels;
		this.members = members;
	}

	/**
	 * Members read their channels; anyone reads public and announcement channels.
	 */
	public boolean canRead(long channelId, long userId) {
		Optional<Channel> channel = this.channels.findById(channelId);
		return channel.isPresent() && (channel.get().type().isOpen() || isMember(channelId, userId));
	}

	/**
	 * Members post; in announcement channels only channel admins and moderators do.
	 */
	public boolean canPost(long channelId, long userId) {
		Optional<Channel> channel = this.channels.findById(channelId);
		Optional<ChannelMember> member = this.members.findByChannelIdAndUserId(channelId, userId);
		if (channel.isEmpty() || member.isEmpty()) {
			return false;
		}
		return channel.get().type() != ChannelType.ANNOUNCEMENT || member.get().role().canModerate();
	}

	public boolean isMember(long channelId, long userId) {
		return this.members.existsById(new ChannelMember.Key(channelId, userId));
	}

	public void requireReader(long channelId, long userId) {
		if (!canRead(channelId, userId)) {
			throw RequestRefused.forbidden("not a member of channel " + channelId);
		}
	}

	public void requirePoster(long channelId, long userId) {
		if (!canPost(channelId, userId)) {
			throw RequestRefused.forbidden("may not post in channel " + channelId);
		}
	}

	public ChannelType typeOf(long channelId) {
		return this.channels.findById(channelId)
			.map(Channel::type)
			.orElseThrow(() -> RequestRefused.notFound("no channel " + channelId));
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
