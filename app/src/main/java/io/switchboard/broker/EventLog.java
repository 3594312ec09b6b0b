package io.switchboard.broker;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The record of every channel's committed events, written in the transaction that took
 * each event's {@code seq}. The delivery engine reads it to fill gaps and to deliver
 * events whose publication was lost; channels provide it.
 */
public interface EventLog {

	/**
	 * Events of the channel after {@code afterSeq}, in {@code seq} order.
	 */
	List<LoggedEvent> eventsAfter(long channelId, long afterSeq, int limit);

	/**
	 * The current sequence number of each of the channels that exist.
	 */
	Map<Long, Long> lastSeqs(Collection<Long> channelIds);

	/**
	 * @param seq the event's sequence number in its channel
	 * @param json the event exactly as it was published
	 */
	record LoggedEvent(long seq, byte[] json) {

	}

}
