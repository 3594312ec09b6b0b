package io.switchboard.message;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.attachment.Attachments;
import io.switchboard.channel.event.AttachmentView;
import io.switchboard.channel.event.MessageView;
import io.switchboard.channel.event.ReactionView;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;

import org.springframework.stereotype.Component;

/**
 * Messages as clients see them, with their senders as they are now, their reactions and
 * their attachments: one query for each, however many messages. Every read path and every
 * event about a changed message goes through here, so a deleted message reads blank
 * everywhere.
 */
@Component
class MessageViews {

	private final UserDirectory users;

	private final Reactions reactions;

	private final Attachments attachments;

	MessageViews(UserDirectory users, Reactions reactions, Attachments attachments) {
		this.users = users;
		this.reactions = reactions;
		this.attachments = attachments;
	}

	List<MessageView> of(List<Message> messages) {
		if (messages.isEmpty()) {
			return List.of();
		}
		Set<Long> senderIds = messages.stream().map(Message::senderId).collect(Collectors.toSet());
		Map<Long, UserSummary> senders = this.users.summaries(senderIds);
		List<Long> ids = messages.stream().map(Message::id).toList();
		Map<Long, List<ReactionView>> reactions = this.reactions.of(ids);
		Map<Long, List<AttachmentView>> attachments = this.attachments.of(ids);
		return messages.stream()
			.map((message) -> message.view(senders.get(message.senderId()),
					reactions.getOrDefault(message.id(), List.of()), attachments.getOrDefault(message.id(), List.of())))
			.toList();
	}

	MessageView of(Message message) {
		return of(List.of(message)).get(0);
	}

}
