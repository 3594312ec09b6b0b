package io.switchboard.message;

import java.util.HashMap;
import java.util.Map;

import io.switchboard.channel.UnreadCounter;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unread messages: others' messages, not deleted, after the reader's read marker. One
 * index range count per channel.
 */
@Component
class MessageUnreadCounter implements UnreadCounter {

	private final MessageRepository messages;

	MessageUnreadCounter(MessageRepository messages) {
		this.messages = messages;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Long> unreadCounts(long userId, Map<Long, Long> readSeqs) {
		Map<Long, Long> counts = new HashMap<>();
		readSeqs.forEach((channelId, readSeq) -> {
			long unread = this.messages.countByChannelIdAndSeqGreaterThanAndSenderIdNotAndDeletedFalse(channelId,
					readSeq, userId);
			if (unread > 0) {
				counts.put(channelId, unread);
			}
		});
		return counts;
	}

}
