package io.switchboard.message;

import java.util.List;
import java.util.Set;

import io.switchboard.channel.ChannelAccess;
import io.switchboard.channel.ChannelSequence;
import io.switchboard.channel.SequenceSlot;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores posted messages: checks the sender may post, takes the channel's next sequence
 * number, stores, and has the event published once the transaction commits.
 */
@Service
class MessageStore {

	private final MessageRepository messages;

	private final ChannelAccess access;

	private final ChannelSequence sequence;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	MessageStore(MessageRepository messages, ChannelAccess access, ChannelSequence sequence, UserDirectory users,
			ApplicationEventPublisher events) {
		this.messages = messages;
		this.access = access;
		this.sequence = sequence;
		this.users = users;
		this.events = events;
	}

	/**
	 * Posts a message, or, for a {@code clientMessageId} the sender already used in this
	 * channel, returns the message stored the first time.
	 */
	@Transactional
	MessageView post(long channelId, CurrentUser sender, SendMessage request) {
		this.access.requirePoster(channelId, sender.id());
		// Under the channel's lock a retry sees the first attempt if it committed.
		this.sequence.lock(channelId);
		if (request.clientMessageId() != null) {
			var existing = this.messages.findByChannelIdAndSenderIdAndClientMessageId(channelId, sender.id(),
					request.clientMessageId());
			if (existing.isPresent()) {
				return MessageView.of(existing.get(), sender.summary());
			}
		}
		Message parent = (request.replyToId() != null) ? threadParent(channelId, request.replyToId()) : null;
		List<Long> memberIds = this.access.memberIds(channelId);
		SequenceSlot slot = this.sequence.next(channelId);
		Message message = this.messages.save(new Message(channelId, slot.seq(), sender.id(), request.content(),
				request.replyToId(), request.clientMessageId(), mentioned(request.content(), memberIds, sender)));
		if (parent != null) {
			parent.countReply(slot.seq());
		}
		MessageView view = MessageView.of(message, sender.summary());
		this.events.publishEvent(new MessagePosted(view, this.access.typeOf(channelId),
				memberIds.stream().filter((id) -> id != sender.id()).toList()));
		slot.publishOnCommit(MessageEvent.created(view));
		return view;
	}

	private Message threadParent(long channelId, long replyToId) {
		Message parent = this.messages.findById(replyToId)
			.filter((found) -> found.channelId() == channelId && !found.deleted())
			.orElseThrow(() -> RequestRefused.notFound("no message " + replyToId + " in channel " + channelId));
		if (parent.replyToId() != null) {
			throw RequestRefused.badRequest("replies go to the thread's first message, " + parent.replyToId());
		}
		return parent;
	}

	/**
	 * The channel members a message mentions, other than its sender.
	 */
	private List<Long> mentioned(String content, List<Long> memberIds, CurrentUser sender) {
		Set<String> usernames = Mentions.usernamesIn(content);
		if (usernames.isEmpty()) {
			return List.of();
		}
		return this.users.findByUsernames(usernames)
			.stream()
			.map(UserSummary::id)
			.filter((id) -> id != sender.id() && memberIds.contains(id))
			.sorted()
			.toList();
	}

}
