package io.switchboard.bench.fanout;

import java.util.concurrent.atomic.LongAdder;

import io.switchboard.bench.sending.LatencyRecorder;
import io.switchboard.bench.stomp.StompFrame;
import io.switchboard.bench.stomp.StompListener;

/**
 * One subscriber to the channel's topic: counts what it receives, times bench messages,
 * and checks that {@code seq} goes up by exactly one from the channel's sequence at
 * subscription. Written only by its session's event loop; read by the run when done.
 */
final class ChannelSubscriber implements StompListener {

	private final LatencyRecorder latencies;

	private final LongAdder deliveries;

	private volatile long expectedSeq;

	private volatile long missing;

	private volatile long outOfOrder;

	/**
	 * @param seqAtStart the channel's sequence before the first message of the run
	 */
	ChannelSubscriber(long seqAtStart, LatencyRecorder latencies, LongAdder deliveries) {
		this.expectedSeq = seqAtStart + 1;
		this.latencies = latencies;
		this.deliveries = deliveries;
	}

	@Override
	public void onMessage(StompFrame frame, long receivedNanos) {
		this.deliveries.increment();
		long seq = EventFields.seq(frame.bytes(), frame.bodyStart(), frame.bodyEnd());
		if (seq != EventFields.ABSENT) {
			track(seq);
		}
		long sentNanos = EventFields.sentNanos(frame.bytes(), frame.bodyStart(), frame.bodyEnd());
		if (sentNanos != EventFields.ABSENT) {
			this.latencies.record(sentNanos, receivedNanos);
		}
	}

	private void track(long seq) {
		long expected = this.expectedSeq;
		if (seq == expected) {
			this.expectedSeq = seq + 1;
		}
		else if (seq > expected) {
			this.missing += seq - expected;
			this.expectedSeq = seq + 1;
		}
		else {
			this.outOfOrder++;
		}
	}

	boolean hasSeen(long seq) {
		return this.expectedSeq > seq;
	}

	/**
	 * Sequence numbers skipped: a later one arrived first and they never did.
	 */
	long missing() {
		return this.missing;
	}

	/**
	 * Events up to {@code finalSeq} not received yet, after the last one received.
	 */
	long behind(long finalSeq) {
		return Math.max(0, finalSeq + 1 - this.expectedSeq);
	}

	/**
	 * Events that arrived after a later one: reordered or repeated.
	 */
	long outOfOrder() {
		return this.outOfOrder;
	}

}
