package io.switchboard.bench.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
	 * pipelining 128 SENDs, a hundred channels with two sessions each, and a steady 500
	 * msg/s into one channel for its latency.
	 */
	public static final String GOALS = "1x10,1x1/128,100x2,1x10@500";

	private static final Pattern RUN = Pattern.compile("(\\d+)x(\\d+)(?:/(\\d+))?(?:@(\\d+(?:\\.\\d+)?))?");

	/**
	 * Parses runs written {@code CxS[/W][@R]}: C channels with S senders each, a window
	 * of W SENDs (default {@code window}) flat out, or R stored msg/s in total.
	 * @throws IllegalArgumentException naming the run that does not parse
	 */
	public static List<WriteSettings> parse(List<String> runs, int window, Duration warmup, Duration duration) {
		List<WriteSettings> parsed = new ArrayList<>();
		for (String run : runs) {
			Matcher matcher = RUN.matcher(run);
			if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1
					|| Integer.parseInt(matcher.group(2)) < 1) {
				throw new IllegalArgumentException("write run '" + run + "' is not CxS[/W][@R], e.g. 1x10@500");
			}
			parsed.add(new WriteSettings(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					(matcher.group(3) != null) ? Integer.parseInt(matcher.group(3)) : window,
					(matcher.group(4) != null) ? Double.parseDouble(matcher.group(4)) : 0, warmup, duration));
		}
		return parsed;
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
