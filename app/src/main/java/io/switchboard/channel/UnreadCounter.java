package io.switchboard.channel;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Counts a member's unread messages, and those of them that mention the member, per
 * channel. Messages are another feature's, so it provides this.
 */
public interface UnreadCounter {

	/**
	 * In one query, however many channels the user is a member of.
	 * @param channelId one channel only, or {@code null} for all of the user's
	 * @return counts per channel id, for channels with any unread message
	 */
	Map<Long, Unread> counts(long userId, @Nullable Long channelId);

	/**
	 * @param messages others' messages after the member's read marker, not deleted
	 * @param mentions those of them that mention the member
	 */
	record Unread(long messages, long mentions) {

		public static final Unread NONE = new Unread(0, 0);

	}

}
