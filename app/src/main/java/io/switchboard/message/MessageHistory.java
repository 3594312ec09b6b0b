package io.switchboard.message;

import io.switchboard.channel.event.MessageView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.channel.ChannelAccess;
import io.switchboard.channel.ChannelSequence;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;

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

	private final UserDirectory users;

	MessageHistory(MessageRepository messages, ChannelAccess access, ChannelSequence sequence, UserDirectory users) {
		this.messages = messages;
		this.access = access;
		this.sequence = sequence;
		this.users = users;
	}

	/**
	 * Messages created before {@code beforeSeq}, newest first.
	 */
	MessagePage before(long channelId, long readerId, long beforeSeq, int limit) {
		this.access.requireReader(channelId, readerId);
		long seq = this.sequence.current(channelId);
		return page(
				this.messages.findByChannelIdAndSeqLessThanOrderBySeqDesc(channelId, beforeSeq, Limit.of(limit + 1)),
				limit, seq);
	}

	/**
	 * The first {@code limit} messages created or changed after {@code sinceSeq}, in
	 * {@code lastSeq} order; the next page starts after the last one's {@code lastSeq}.
	 */
	MessagePage since(long channelId, long readerId, long sinceSeq, int limit) {
		this.access.requireReader(channelId, readerId);
		long seq = this.sequence.current(channelId);
		return page(this.messages.findByChannelIdAndLastSeqGreaterThanOrderByLastSeqAsc(channelId, sinceSeq,
				Limit.of(limit + 1)), limit, seq);
	}

	/**
	 * @param found up to one more message than the page holds, which says there are more
	 */
	private MessagePage page(List<Message> found, int limit, long seq) {
		List<Message> page = found.subList(0, Math.min(limit, found.size()));
		Set<Long> senderIds = page.stream().map(Message::senderId).collect(Collectors.toSet());
		Map<Long, UserSummary> senders = this.users.summaries(senderIds);
		return new MessagePage(page.stream().map((message) -> message.view(senders.get(message.senderId()))).toList(),
				seq, found.size() > limit);
	}

	/**
	 * @param messages the messages, in the order the query asked for
	 * @param seq the channel's current sequence number
	 * @param hasMore whether more messages follow this page in the same direction
	 */
	record MessagePage(List<MessageView> messages, long seq, boolean hasMore) {

	}

}
