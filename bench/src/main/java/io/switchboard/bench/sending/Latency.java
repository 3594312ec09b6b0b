package io.switchboard.bench.sending;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of end-to-end latency, send to receipt by a subscriber, in milliseconds.
 *
 * @param samples deliveries timed
 */
public record Latency(long samples, double p50, double p99, double p999) {

	public static final Latency NONE = new Latency(0, Double.NaN, Double.NaN, Double.NaN);

	public static Latency of(Histogram micros) {
		if (micros.getTotalCount() == 0) {
			return NONE;
		}
		return new Latency(micros.getTotalCount(), millis(micros, 50), millis(micros, 99), millis(micros, 99.9));
	}

	private static double millis(Histogram micros, double percentile) {
		return micros.getValueAtPercentile(percentile) / 1000.0;
	}

}
