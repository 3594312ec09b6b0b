package io.switchboard.broker;

import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's events on their way to this node's subscribers: in {@code seq} order,
 * each once, whatever order they arrive in from the broker or the event log.
 */
final class ChannelStream {

	private static final Logger logger = LoggerFactory.getLogger(ChannelStream.class);

	/** Beyond this many events waiting behind a gap, the gap is given up on. */
	private static final int MAX_WAITING = 10_000;

	private final long channelId;

	private final Subscribers subscribers;

	private final TreeMap<Long, byte[]> waiting = new TreeMap<>();

	/** The last seq delivered; -1 until the stream knows where its subscribers start. */
	private long delivered = -1;

	/** When the event log was first seen ahead of this stream, or 0. */
	private long behindSince;

	ChannelStream(long channelId, Subscribers subscribers) {
		this.channelId = channelId;
		this.subscribers = subscribers;
	}

	long channelId() {
		return this.channelId;
	}

	synchronized long delivered() {
		return this.delivered;
	}

	/**
	 * Where subscribers start: after the channel's seq when the first of them subscribed
	 * (they recover what came before with {@code sinceSeq}).
	 */
	synchronized void startAfter(long seq) {
		this.delivered = seq;
		drain();
	}

	/**
	 * @return whether events are missing before this one
	 */
	synchronized boolean offer(long seq, byte[] json) {
		if (this.delivered < 0) {
			this.waiting.put(seq, json);
			return false;
		}
		if (seq <= this.delivered) {
			return false;
		}
		if (seq == this.delivered + 1) {
			deliver(seq, json);
			drain();
			return false;
		}
		this.waiting.putIfAbsent(seq, json);
		if (this.waiting.size() > MAX_WAITING) {
			skipGap();
		}
		return true;
	}

	synchronized boolean hasGap() {
		return !this.waiting.isEmpty() && this.delivered >= 0;
	}

	/**
	 * Delivers what waits behind a gap the event log cannot fill: clients see the gap in
	 * {@code seq} and recover it with {@code sinceSeq}.
	 */
	synchronized void skipGap() {
		if (this.waiting.isEmpty() || this.delivered < 0) {
			return;
		}
		long next = this.waiting.firstKey();
		logger.warn("Channel {}: events {} to {} are not in the event log; delivering on from {}", this.channelId,
				this.delivered + 1, next - 1, next);
		this.delivered = next - 1;
		drain();
	}

	/**
	 * Notes how far the channel really is; returns whether the stream has been behind it
	 * for at least {@code patienceNanos}.
	 */
	synchronized boolean isOverdue(long channelSeq, long now, long patienceNanos) {
		if (this.delivered < 0 || channelSeq <= this.delivered) {
			this.behindSince = 0;
			return false;
		}
		if (this.behindSince == 0) {
			this.behindSince = now;
		}
		return now - this.behindSince >= patienceNanos;
	}

	private void drain() {
		while (!this.waiting.isEmpty() && this.waiting.firstKey() <= this.delivered + 1) {
			Map.Entry<Long, byte[]> next = this.waiting.pollFirstEntry();
			if (next.getKey() == this.delivered + 1) {
				deliver(next.getKey(), next.getValue());
			}
		}
	}

	private void deliver(long seq, byte[] json) {
		this.delivered = seq;
		this.behindSince = 0;
		this.subscribers.deliver("c" + this.channelId + "-" + seq, json);
	}

}
