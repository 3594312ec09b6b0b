package io.switchboard.channel;

import java.util.Optional;

import io.switchboard.broker.Fanout;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Joining, leaving and adding members. Each change takes a channel sequence number and is
 * announced on the channel's topic after it commits.
 */
@Service
class ChannelMembership {

	private final ChannelDirectory directory;

	private final ChannelMemberRepository members;

	private final ChannelSequence sequence;

	private final UserDirectory users;

	private final Fanout fanout;

	ChannelMembership(ChannelDirectory directory, ChannelMemberRepository members, ChannelSequence sequence,
			UserDirectory users, Fanout fanout) {
		this.directory = directory;
		this.members = members;
		this.sequence = sequence;
		this.users = users;
		this.fanout = fanout;
	}

	@Transactional
	ChannelView join(long channelId, CurrentUser user) {
		Channel channel = this.directory.find(channelId);
		if (!channel.type().isOpen() && !this.members.existsById(new ChannelMember.Key(channelId, user.id()))) {
			throw RequestRefused.forbidden("channel " + channelId + " is not public; ask a channel admin to add you");
		}
		addIfAbsent(channelId, user.summary(), MemberRole.MEMBER);
		return this.directory.view(channelId, user.id());
	}

	@Transactional
	void leave(long channelId, CurrentUser user) {
		Channel channel = this.directory.find(channelId);
		if (channel.type() == ChannelType.DIRECT) {
			throw RequestRefused.badRequest("nobody leaves a direct channel; block the user instead");
		}
		this.sequence.lock(channelId);
		Optional<ChannelMember> member = this.members.findByChannelIdAndUserId(channelId, user.id());
		if (member.isEmpty()) {
			return;
		}
		this.members.delete(member.get());
		this.members.flush();
		SequenceSlot slot = this.sequence.next(channelId);
		slot.publishOnCommit(MemberEvent.left(channelId, slot.seq(),
				new MemberEvent.Member(user.id(), user.username(), member.get().role())));
		endSubscriptionsAfterCommit(channelId, user.id());
	}

	/**
	 * Once the change is stored, every node checks the user's open subscriptions to the
	 * channel again, and ends those the user may no longer hold.
	 */
	private void endSubscriptionsAfterCommit(long channelId, long userId) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				ChannelMembership.this.fanout.accessChanged(channelId, userId);
			}

		});
	}

	@Transactional
	void add(long channelId, CurrentUser actor, long userId, MemberRole role) {
		Channel channel = this.directory.find(channelId);
		MemberRole actorRole = this.members.findByChannelIdAndUserId(channelId, actor.id())
			.map(ChannelMember::role)
			.orElseThrow(() -> RequestRefused.forbidden("not a member of channel " + channelId));
		if (actorRole != MemberRole.ADMIN || channel.type().isConversation()) {
			throw RequestRefused.forbidden("only channel admins add members to channel " + channelId);
		}
		UserSummary user = this.users.find(userId).orElseThrow(() -> RequestRefused.notFound("no user " + userId));
		addIfAbsent(channelId, user, role);
	}

	private void addIfAbsent(long channelId, UserSummary user, MemberRole role) {
		this.sequence.lock(channelId);
		if (this.members.existsById(new ChannelMember.Key(channelId, user.id()))) {
			return;
		}
		this.members.saveAndFlush(new ChannelMember(channelId, user.id(), role));
		SequenceSlot slot = this.sequence.next(channelId);
		slot.publishOnCommit(
				MemberEvent.joined(channelId, slot.seq(), new MemberEvent.Member(user.id(), user.username(), role)));
	}

}
