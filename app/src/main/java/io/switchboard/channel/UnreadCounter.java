package io.switchboard.channel;

import java.util.Map;

/**
 * Counts a user's unread messages per channel. Messages are another feature's, so it
 * provides this.
 */
public interface UnreadCounter {

	/**
	 * @param userId the reader
	 * @param readSeqs the reader's read marker per channel id
	 * @return unread messages per channel id, for channels with any
	 */
	Map<Long, Long> unreadCounts(long userId, Map<Long, Long> readSeqs);

}
