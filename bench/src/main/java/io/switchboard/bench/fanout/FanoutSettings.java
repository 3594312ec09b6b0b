package io.switchboard.bench.fanout;

import java.time.Duration;

/**
 * One fanout run.
 *
 * @param subscribers sessions subscribed to the channel
 * @param rate stored messages per second to aim for across all publishers, or 0 to send
 * as fast as the server confirms
 * @param publishers sending sessions, each a different member of the channel
 * @param window a flat-out publisher's SENDs awaiting their RECEIPT
 * @param warmup sending before measuring
 * @param duration measuring
 */
public record FanoutSettings(int subscribers, double rate, int publishers, int window, Duration warmup,
		Duration duration) {

	public boolean flatOut() {
		return this.rate <= 0;
	}

	public String label() {
		return flatOut() ? "fanout flat out" : "fanout " + formatRate() + " msg/s";
	}

	private String formatRate() {
		return (this.rate == Math.rint(this.rate)) ? Long.toString((long) this.rate) : Double.toString(this.rate);
	}

}
