package io.switchboard.message;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.switchboard.channel.AuditAction;
import io.switchboard.channel.AuditLog;
import io.switchboard.channel.ChangeBatch;
import io.switchboard.channel.ChannelAccess;
import io.switchboard.channel.ChannelChange;
import io.switchboard.channel.ChannelWriter;
import io.switchboard.channel.MemberRole;
import io.switchboard.channel.SequenceSlot;
import io.switchboard.channel.event.MessageDeleted;
import io.switchboard.channel.event.MessageEdited;
import io.switchboard.channel.event.MessageView;
import io.switchboard.channel.event.ReactionChanged;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Edits, deletes and reactions: changes to a stored message, each stored through the
 * channel's writer under the channel's lock. Each takes the channel's next {@code seq},
 * which becomes the message's {@code lastSeq}, so {@code sinceSeq} recovery returns the
 * message in its current state; a change that changes nothing (a second delete, a
 * reaction already there) takes none and publishes nothing.
 */
@Service
class MessageChanges {

	private final MessageRepository messages;

	private final ChannelAccess access;

	private final ChannelWriter writer;

	private final MessageViews views;

	private final MessageVersions versions;

	private final Reactions reactions;

	private final MentionedMembers mentioned;

	private final ApplicationEventPublisher events;

	private final WordFilter filter;

	private final AuditLog audit;

	MessageChanges(MessageRepository messages, ChannelAccess access, ChannelWriter writer, MessageViews views,
			MessageVersions versions, Reactions reactions, MentionedMembers mentioned, ApplicationEventPublisher events,
			WordFilter filter, AuditLog audit) {
		this.filter = filter;
		this.audit = audit;
		this.messages = messages;
		this.access = access;
		this.writer = writer;
		this.views = views;
		this.versions = versions;
		this.reactions = reactions;
		this.mentioned = mentioned;
		this.events = events;
	}

	CompletableFuture<MessageView> edit(long channelId, CurrentUser editor, long messageId, String written) {
		String content = this.filter.apply(written);
		return this.writer.record(new MessageChange(channelId, editor, messageId) {

			@Override
			MessageView change(ChangeBatch batch, Message message) {
				MessageChanges.this.access.requirePoster(batch, editor.id());
				if (message.senderId() != editor.id()) {
					throw RequestRefused.forbidden("only its author edits message " + messageId);
				}
				requireNotDeleted(message);
				if (message.content().equals(content)) {
					return MessageChanges.this.views.of(message);
				}
				SequenceSlot slot = batch.next();
				Instant writtenAt = (message.editedAt() != null) ? message.editedAt() : message.createdAt();
				MessageChanges.this.versions.keep(messageId, message.content(), writtenAt, batch.time());
				message.edit(content, MessageChanges.this.mentioned.in(channelId, content, editor.id()), slot.seq(),
						batch.time());
				MessageChanges.this.events.publishEvent(new MessageContentChanged(messageId, content));
				MessageView view = MessageChanges.this.views.of(message);
				slot.publishOnCommit(new MessageEdited(channelId, slot.seq(), view));
				return view;
			}

		});
	}

	CompletableFuture<MessageView> delete(long channelId, CurrentUser actor, long messageId) {
		return this.writer.record(new MessageChange(channelId, actor, messageId) {

			@Override
			MessageView change(ChangeBatch batch, Message message) {
				boolean author = message.senderId() == actor.id()
						&& MessageChanges.this.access.roleIn(batch, actor.id()).isPresent();
				boolean moderator = MessageChanges.this.access.roleIn(batch, actor.id())
					.map(MemberRole::canModerate)
					.orElse(false);
				if (!author && !moderator && !actor.has(Role.ADMIN)) {
					throw RequestRefused
						.forbidden("only its author, the channel's moderators and admins delete message " + messageId);
				}
				if (message.deleted()) {
					return MessageChanges.this.views.of(message);
				}
				SequenceSlot slot = batch.next();
				message.delete(slot.seq(), batch.time());
				if (!author) {
					MessageChanges.this.audit.record(batch.workspaceId(), channelId, AuditAction.MESSAGE_DELETED,
							actor.id(), message.senderId(), "message " + messageId, batch.time());
				}
				MessageChanges.this.events.publishEvent(new MessageContentChanged(messageId, ""));
				MessageView view = MessageChanges.this.views.of(message);
				slot.publishOnCommit(new MessageDeleted(channelId, slot.seq(), view));
				return view;
			}

		});
	}

	CompletableFuture<MessageView> react(long channelId, CurrentUser user, long messageId, String emoji, boolean add) {
		if (!Emoji.isValid(emoji)) {
			throw RequestRefused
				.badRequest("emoji: must be one emoji or a :name: of at most 32 characters of a-z 0-9 _ + -");
		}
		return this.writer.record(new MessageChange(channelId, user, messageId) {

			@Override
			MessageView change(ChangeBatch batch, Message message) {
				MessageChanges.this.access.requireMember(batch, user.id());
				requireNotDeleted(message);
				Reactions reactions = MessageChanges.this.reactions;
				if (add && !reactions.hasEmoji(messageId, emoji)
						&& reactions.distinctEmoji(messageId) >= Reactions.MAX_DISTINCT_EMOJI) {
					throw RequestRefused.conflict("message " + messageId + " already has "
							+ Reactions.MAX_DISTINCT_EMOJI + " different reactions");
				}
				boolean changed = add ? reactions.add(messageId, user.id(), emoji, batch.time())
						: reactions.remove(messageId, user.id(), emoji);
				if (!changed) {
					return MessageChanges.this.views.of(message);
				}
				SequenceSlot slot = batch.next();
				message.changed(slot.seq());
				MessageView view = MessageChanges.this.views.of(message);
				slot.publishOnCommit(new ReactionChanged(channelId, slot.seq(), view));
				return view;
			}

		});
	}

	/**
	 * The channel a message is in, for a change that names only the message, as REST
	 * does; a message the user may not read is one that does not exist.
	 */
	long channelOf(long messageId, CurrentUser user) {
		return this.messages.findChannelId(messageId)
			.filter((channelId) -> this.access.canRead(channelId, user.id()))
			.orElseThrow(() -> RequestRefused.notFound("no message " + messageId));
	}

	private static void requireNotDeleted(Message message) {
		if (message.deleted()) {
			throw RequestRefused.conflict("message " + message.id() + " is deleted");
		}
	}

	/**
	 * A change to one message of the channel, made by {@code actor}.
	 */
	private abstract class MessageChange implements ChannelChange<MessageView> {

		private final long channelId;

		private final CurrentUser actor;

		private final long messageId;

		MessageChange(long channelId, CurrentUser actor, long messageId) {
			this.channelId = channelId;
			this.actor = actor;
			this.messageId = messageId;
		}

		@Override
		public long channelId() {
			return this.channelId;
		}

		@Override
		public CurrentUser actor() {
			return this.actor;
		}

		@Override
		public MessageView apply(ChangeBatch batch) {
			// A message of another channel is one this channel does not have.
			Message message = MessageChanges.this.messages.findById(this.messageId)
				.filter((found) -> found.channelId() == this.channelId)
				.orElseThrow(() -> RequestRefused
					.notFound("no message " + this.messageId + " in channel " + this.channelId));
			return change(batch, message);
		}

		abstract MessageView change(ChangeBatch batch, Message message);

	}

}
