package io.switchboard.bench.write;

import java.time.Duration;
import java.util.List;

/**
 * One write-path run.
 *
 * @param channels channels written to at once, each a fresh public channel
 * @param sendersPerChannel sending sessions per channel, each a different member
 * @param window a flat-out sender's SENDs awaiting their RECEIPT
 * @param rate stored messages per second to aim for across all senders, or 0 to send as
 * fast as the server confirms
 * @param warmup sending before measuring
 * @param duration measuring
 */
public record WriteSettings(int channels, int sendersPerChannel, int window, double rate, Duration warmup,
		Duration duration) {

	/**
	 * The runs the write path's goals name: ten sessions into one channel, one session
	 * pipelining, a hundred channels with two sessions each, and a steady 500 msg/s into
	 * one channel for its latency.
	 */
	public static List<WriteSettings> goals(int window, Duration warmup, Duration duration) {
		return List.of(new WriteSettings(1, 10, window, 0, warmup, duration),
				new WriteSettings(1, 1, 128, 0, warmup, duration),
				new WriteSettings(100, 2, window, 0, warmup, duration),
				new WriteSettings(1, 10, window, 500, warmup, duration));
	}

	public int senders() {
		return this.channels * this.sendersPerChannel;
	}

	public boolean flatOut() {
		return this.rate <= 0;
	}

	public String label() {
		String how = flatOut() ? "window " + this.window : formatRate() + " msg/s";
		return String.format("%d x %d, %s", this.channels, this.sendersPerChannel, how);
	}

	private String formatRate() {
		return (this.rate == Math.rint(this.rate)) ? Long.toString((long) this.rate) : Double.toString(this.rate);
	}

}
