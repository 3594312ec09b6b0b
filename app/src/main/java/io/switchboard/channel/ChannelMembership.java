package io.switchboard.channel;

import java.util.List;
import java.util.Optional;

import io.switchboard.channel.event.MemberJoined;
import io.switchboard.channel.event.MemberLeft;
import io.switchboard.channel.event.MemberView;

import io.switchboard.broker.Fanout;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;

import org.springframework.stereotype.Service;

/**
 * Joining, leaving and adding members. Each is a change to the channel, stored through
 * its {@link ChannelWriter} under the channel's lock, and announced on the channel's
 * topic after it commits.
 */
@Service
class ChannelMembership {

	private final ChannelDirectory directory;

	private final ChannelMemberRepository members;

	private final ChannelWriter writer;

	private final UserDirectory users;

	private final Fanout fanout;

	private final Sanctions sanctions;

	ChannelMembership(ChannelDirectory directory, ChannelMemberRepository members, ChannelWriter writer,
			UserDirectory users, Fanout fanout, Sanctions sanctions) {
		this.sanctions = sanctions;
		this.directory = directory;
		this.members = members;
		this.writer = writer;
		this.users = users;
		this.fanout = fanout;
	}

	/**
	 * Joins a public or announcement channel as a member, or, for an agent (role
	 * MODERATOR or ADMIN), an open support channel as its moderator.
	 */
	ChannelView join(long channelId, CurrentUser user) {
		return this.writer.recordAndWait(ChannelChange.of(channelId, user, (batch) -> {
			requireNotBanned(batch, user.id());
			boolean agent = batch.channelType() == ChannelType.SUPPORT && !batch.closed()
					&& (user.has(Role.MODERATOR) || user.has(Role.ADMIN));
			if (!batch.channelType().isOpen() && !agent
					&& !this.members.existsById(new ChannelMember.Key(channelId, user.id()))) {
				throw RequestRefused
					.forbidden("channel " + channelId + " is not public; ask a channel admin to add you");
			}
			addIfAbsent(batch, user.summary(), agent ? MemberRole.MODERATOR : MemberRole.MEMBER);
			return this.directory.view(batch, user.id());
		}));
	}

	void leave(long channelId, CurrentUser user) {
		this.writer.recordAndWait(ChannelChange.of(channelId, user, (batch) -> {
			if (batch.channelType() == ChannelType.DIRECT) {
				throw RequestRefused.badRequest("nobody leaves a direct channel; block the user instead");
			}
			Optional<ChannelMember> member = this.members.findByChannelIdAndUserId(channelId, user.id());
			if (member.isEmpty()) {
				return false;
			}
			remove(batch, member.get(), user.username(), MemberLeft.LEFT);
			// After the event is published: the subscription it ends still carries it. A
			// public channel's reader who left may go on reading it.
			batch.onPublished(() -> this.fanout.accessChanged(channelId, user.id()));
			return true;
		}));
	}

	void add(long channelId, CurrentUser actor, long userId, MemberRole role) {
		this.writer.recordAndWait(ChannelChange.of(channelId, actor, (batch) -> {
			MemberRole actorRole = this.members.findByChannelIdAndUserId(channelId, actor.id())
				.map(ChannelMember::role)
				.orElseThrow(() -> RequestRefused.forbidden("not a member of channel " + channelId));
			if (actorRole != MemberRole.ADMIN || batch.channelType().isConversation()) {
				throw RequestRefused.forbidden("only channel admins add members to channel " + channelId);
			}
			// Someone of another workspace is as if they did not exist.
			UserSummary user = Optional
				.ofNullable(this.users.summariesIn(batch.workspaceId(), List.of(userId)).get(userId))
				.orElseThrow(() -> RequestRefused.notFound("no user " + userId));
			requireNotBanned(batch, userId);
			return addIfAbsent(batch, user, role);
		}));
	}

	/**
	 * Takes the member out of the channel, with a {@code member.left} event that says
	 * why.
	 */
	void remove(ChangeBatch batch, ChannelMember member, String username, String reason) {
		SequenceSlot slot = batch.next();
		this.members.delete(member);
		this.members.flush();
		batch.membershipChanged();
		slot.publishOnCommit(new MemberLeft(batch.channelId(), slot.seq(),
				new MemberView(member.userId(), username, member.role()), reason));
	}

	private void requireNotBanned(ChangeBatch batch, long userId) {
		if (this.sanctions.isActive(Sanctions.Kind.BAN, batch.channelId(), userId, batch.time())) {
			throw RequestRefused.forbidden("banned from channel " + batch.channelId());
		}
	}

	boolean addIfAbsent(ChangeBatch batch, UserSummary user, MemberRole role) {
		if (this.members.existsById(new ChannelMember.Key(batch.channelId(), user.id()))) {
			return false;
		}
		SequenceSlot slot = batch.next();
		this.members.saveAndFlush(new ChannelMember(batch.channelId(), user.id(), role));
		batch.membershipChanged();
		slot.publishOnCommit(
				new MemberJoined(batch.channelId(), slot.seq(), new MemberView(user.id(), user.username(), role)));
		long channelId = batch.channelId();
		batch.onPublished(() -> this.fanout.publishToChannelsQueue(user.id(), ChannelAdded.of(channelId)));
		return true;
	}

}
