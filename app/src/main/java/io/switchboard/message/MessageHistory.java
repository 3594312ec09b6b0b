package io.switchboard.message;

import io.switchboard.channel.event.MessageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.channel.ChannelAccess;
import io.switchboard.channel.ChannelSequence;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a channel's messages: pages back through history, or everything that changed
 * since a sequence number a client last saw.
 * <p>
 * Each read runs in one snapshot, so the channel's {@code seq} it reports matches the
 * messages it returns.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class MessageHistory {

	private final MessageRepository messages;

	private final ChannelAccess access;

	private final ChannelSequence sequence;

	private final MessageViews views;

	private final MessageVersions versions;

	MessageHistory(MessageRepository messages, ChannelAccess access, ChannelSequence sequence, MessageViews views,
			MessageVersions versions) {
		this.messages = messages;
		this.access = access;
		this.sequence = sequence;
		this.views = views;
		this.versions = versions;
	}

	/**
	 * One message as it is now; a message the reader may not read is one that does not
	 * exist.
	 */
	MessageView one(long messageId, CurrentUser reader) {
		return this.views.of(readable(messageId, reader));
	}

	/**
	 * A thread's replies after {@code afterSeq}, oldest first, without its first message,
	 * which comes along with its current reply count.
	 */
	Thread replies(long messageId, CurrentUser reader, long afterSeq, int limit) {
		Message root = readable(messageId, reader);
		if (root.replyToId() != null) {
			throw RequestRefused.badRequest("message " + messageId + " is a reply; its thread is " + root.replyToId());
		}
		List<Message> found = this.messages.findByReplyToIdAndSeqGreaterThanOrderBySeqAsc(messageId, afterSeq,
				Limit.of(limit + 1));
		List<Message> page = found.subList(0, Math.min(limit, found.size()));
		return new Thread(this.views.of(root), this.views.of(page), found.size() > limit);
	}

	/**
	 * Every version of a message, oldest first, the current one last: for its author, the
	 * channel's moderators and admins, also after a delete.
	 */
	Versions versions(long messageId, CurrentUser reader) {
		Message message = readable(messageId, reader);
		boolean allowed = message.senderId() == reader.id() || reader.has(Role.ADMIN)
				|| this.access.moderates(message.channelId(), reader.id());
		if (!allowed) {
			throw RequestRefused.forbidden(
					"only its author, the channel's moderators and admins read message " + messageId + "'s history");
		}
		List<MessageVersions.Version> all = new ArrayList<>(this.versions.replaced(messageId));
		all.add(new MessageVersions.Version(message.content(),
				(message.editedAt() != null) ? message.editedAt() : message.createdAt(), null));
		return new Versions(messageId, message.deleted(), message.deletedAt(), all);
	}

	private Message readable(long messageId, CurrentUser reader) {
		return this.messages.findById(messageId)
			.filter((message) -> this.access.canRead(message.channelId(), reader.id()))
			.orElseThrow(() -> RequestRefused.notFound("no message " + messageId));
	}

	/**
	 * Messages created before {@code beforeSeq}, newest first.
	 */
	MessagePage before(long channelId, CurrentUser reader, long beforeSeq, int limit) {
		this.access.requireReader(channelId, reader);
		long seq = this.sequence.current(channelId);
		return page(
				this.messages.findByChannelIdAndSeqLessThanOrderBySeqDesc(channelId, beforeSeq, Limit.of(limit + 1)),
				limit, seq);
	}

	/**
	 * The first {@code limit} messages created or changed after {@code sinceSeq}, in
	 * {@code lastSeq} order; the next page starts after the last one's {@code lastSeq}.
	 */
	MessagePage since(long channelId, CurrentUser reader, long sinceSeq, int limit) {
		this.access.requireReader(channelId, reader);
		long seq = this.sequence.current(channelId);
		// Two more than the page: a reply and its thread's first message share the
		// lastSeq of the reply, and a page never ends between them, or the next page,
		// which starts after that lastSeq, would miss one.
		List<Message> found = this.messages.findByChannelIdAndLastSeqGreaterThanOrderByLastSeqAscIdAsc(channelId,
				sinceSeq, Limit.of(limit + 2));
		int size = Math.min(limit, found.size());
		if (found.size() > limit && found.get(limit).lastSeq() == found.get(limit - 1).lastSeq()) {
			size = limit + 1;
		}
		List<Message> page = found.subList(0, size);
		return new MessagePage(this.views.of(page), seq, found.size() > size);
	}

	/**
	 * @param found up to one more message than the page holds, which says there are more
	 */
	private MessagePage page(List<Message> found, int limit, long seq) {
		List<Message> page = found.subList(0, Math.min(limit, found.size()));
		return new MessagePage(this.views.of(page), seq, found.size() > limit);
	}

	/**
	 * @param messages the messages, in the order the query asked for
	 * @param seq the channel's current sequence number
	 * @param hasMore whether more messages follow this page in the same direction
	 */
	record MessagePage(List<MessageView> messages, long seq, boolean hasMore) {

	}

	/**
	 * @param root the thread's first message, with its current reply count
	 * @param messages replies, oldest first
	 * @param hasMore whether more replies follow
	 */
	record Thread(MessageView root, List<MessageView> messages, boolean hasMore) {

	}

	/**
	 * @param versions oldest first; the last is the current content (of a deleted
	 * message, the content it had when it was deleted)
	 */
	record Versions(long messageId, boolean deleted, @Nullable Instant deletedAt,
			List<MessageVersions.Version> versions) {

	}

}
