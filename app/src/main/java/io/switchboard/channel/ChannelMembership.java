package io.switchboard.channel;

import java.util.List;
import java.util.Optional;

import io.switchboard.channel.event.MemberJoined;
import io.switchboard.channel.event.MemberLeft;
import io.switchboard.channel.event.MemberView;

import io.switchboard.broker.Fanout;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
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

	ChannelMembership(ChannelDirectory directory, ChannelMemberRepository members, ChannelWriter writer,
			UserDirectory users, Fanout fanout) {
		this.directory = directory;
		this.members = members;
		this.writer = writer;
		this.users = users;
		this.fanout = fanout;
	}

	ChannelView join(long channelId, CurrentUser user) {
		return this.writer.recordAndWait(ChannelChange.of(channelId, user.workspaceId(), (batch) -> {
			if (!batch.channelType().isOpen()
					&& !this.members.existsById(new ChannelMember.Key(channelId, user.id()))) {
				throw RequestRefused
					.forbidden("channel " + channelId + " is not public; ask a channel admin to add you");
			}
			addIfAbsent(batch, user.summary(), MemberRole.MEMBER);
			return this.directory.view(batch, user.id());
		}));
	}

	void leave(long channelId, CurrentUser user) {
		this.writer.recordAndWait(ChannelChange.of(channelId, user.workspaceId(), (batch) -> {
			if (batch.channelType() == ChannelType.DIRECT) {
				throw RequestRefused.badRequest("nobody leaves a direct channel; block the user instead");
			}
			Optional<ChannelMember> member = this.members.findByChannelIdAndUserId(channelId, user.id());
			if (member.isEmpty()) {
				return false;
			}
			SequenceSlot slot = batch.next();
			this.members.delete(member.get());
			this.members.flush();
			batch.membershipChanged();
			slot.publishOnCommit(new MemberLeft(channelId, slot.seq(),
					new MemberView(user.id(), user.username(), member.get().role())));
			// After the event is published: the subscription it ends still carries it.
			batch.onPublished(() -> this.fanout.accessChanged(channelId, user.id()));
			return true;
		}));
	}

	void add(long channelId, CurrentUser actor, long userId, MemberRole role) {
		this.writer.recordAndWait(ChannelChange.of(channelId, actor.workspaceId(), (batch) -> {
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
			return addIfAbsent(batch, user, role);
		}));
	}

	private boolean addIfAbsent(ChangeBatch batch, UserSummary user, MemberRole role) {
		if (this.members.existsById(new ChannelMember.Key(batch.channelId(), user.id()))) {
			return false;
		}
		SequenceSlot slot = batch.next();
		this.members.saveAndFlush(new ChannelMember(batch.channelId(), user.id(), role));
		batch.membershipChanged();
		slot.publishOnCommit(
				new MemberJoined(batch.channelId(), slot.seq(), new MemberView(user.id(), user.username(), role)));
		return true;
	}

}
