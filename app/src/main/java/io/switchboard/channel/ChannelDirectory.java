package io.switchboard.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates channels and lists them for their members and visitors.
 */
@Service
class ChannelDirectory {

	private final ChannelRepository channels;

	private final ChannelMemberRepository members;

	private final UnreadCounter unread;

	private final ChannelAccess access;

	ChannelDirectory(ChannelRepository channels, ChannelMemberRepository members, UnreadCounter unread,
			ChannelAccess access) {
		this.access = access;
		this.channels = channels;
		this.members = members;
		this.unread = unread;
	}

	@Transactional
	ChannelView create(CurrentUser creator, String name, ChannelType type, @Nullable String description) {
		if (type.isConversation()) {
			throw RequestRefused.badRequest("direct and group channels are made with POST /api/direct");
		}
		if (type == ChannelType.ANNOUNCEMENT && !creator.has(Role.ADMIN)) {
			throw RequestRefused.forbidden("only admins create announcement channels");
		}
		Channel channel = this.channels
			.saveAndFlush(new Channel(creator.workspaceId(), name, type, description, null, creator.id()));
		// Whoever opens a support channel asks a question there; the agents who join
		// moderate it.
		MemberRole role = (type == ChannelType.SUPPORT) ? MemberRole.MEMBER : MemberRole.ADMIN;
		ChannelMember creatorMember = this.members.saveAndFlush(new ChannelMember(channel.id(), creator.id(), role));
		return ChannelView.ofMember(channel, 0, creatorMember, UnreadCounter.Unread.NONE);
	}

	@Transactional(readOnly = true)
	List<ChannelView> mine(long userId) {
		Map<Long, ChannelMember> memberships = this.members.findByUserId(userId)
			.stream()
			.collect(Collectors.toMap(ChannelMember::channelId, Function.identity()));
		Map<Long, UnreadCounter.Unread> unread = this.unread.counts(userId, null);
		return this.channels.findByMember(userId)
			.stream()
			.map((channel) -> ChannelView.ofMember(channel, channel.lastSeq(), memberships.get(channel.id()),
					unread.getOrDefault(channel.id(), UnreadCounter.Unread.NONE)))
			.toList();
	}

	@Transactional(readOnly = true)
	List<ChannelView> joinable(long userId, long workspaceId) {
		return this.channels.findJoinable(userId, workspaceId)
			.stream()
			.map((channel) -> ChannelView.ofVisitor(channel, channel.lastSeq()))
			.toList();
	}

	@Transactional(readOnly = true)
	List<ChannelView> openSupport(CurrentUser agent) {
		if (!agent.has(Role.MODERATOR) && !agent.has(Role.ADMIN)) {
			throw RequestRefused.forbidden("only moderators and admins answer support channels");
		}
		return this.channels.findOpenSupport(agent.workspaceId())
			.stream()
			.map((channel) -> ChannelView.ofVisitor(channel, channel.lastSeq()))
			.toList();
	}

	/**
	 * The channel as {@code userId} sees it, also from inside a transaction that has just
	 * changed it.
	 */
	@Transactional(readOnly = true)
	ChannelView view(long channelId, CurrentUser user) {
		Channel channel = find(channelId);
		if (channel.workspaceId() != user.workspaceId()) {
			throw ChannelAccess.notFound(channelId);
		}
		if (!channel.type().isOpen()) {
			// A private channel of others is one that does not exist.
			this.access.requireReader(channelId, user);
		}
		return view(channelId, user.id(), channel.lastSeq());
	}

	/**
	 * The channel as a change of the batch leaves it: the batch holds the sequence until
	 * it commits.
	 */
	ChannelView view(ChangeBatch batch, long userId) {
		return view(batch.channelId(), userId, batch.lastSeq());
	}

	private ChannelView view(long channelId, long userId, long lastSeq) {
		Channel channel = find(channelId);
		Optional<ChannelMember> member = this.members.findByChannelIdAndUserId(channelId, userId);
		if (member.isPresent()) {
			UnreadCounter.Unread unread = this.unread.counts(userId, channelId)
				.getOrDefault(channelId, UnreadCounter.Unread.NONE);
			return ChannelView.ofMember(channel, lastSeq, member.get(), unread);
		}
		if (channel.type().isOpen()) {
			return ChannelView.ofVisitor(channel, lastSeq);
		}
		throw RequestRefused.forbidden("not a member of channel " + channelId);
	}

	Channel find(long channelId) {
		return this.channels.findById(channelId).orElseThrow(() -> ChannelAccess.notFound(channelId));
	}

}
