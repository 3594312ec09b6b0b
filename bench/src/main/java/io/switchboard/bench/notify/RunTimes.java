package io.switchboard.bench.notify;

import java.util.List;

/**
 * The median and the longest of some runs' times, in milliseconds. A run without a time
 * (NaN: it failed, or some deliveries never came) is left out; the notes say why.
 *
 * @param counted runs that had a time
 * @param median the middle time, or the mean of the two middle ones; NaN if none
 * @param max the longest time; NaN if none
 */
public record RunTimes(int counted, double median, double max) {

	public static RunTimes of(List<Double> millis) {
		double[] sorted = millis.stream()
			.mapToDouble(Double::doubleValue)
			.filter((t) -> !Double.isNaN(t))
			.sorted()
			.toArray();
		if (sorted.length == 0) {
			return new RunTimes(0, Double.NaN, Double.NaN);
		}
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return new RunTimes(sorted.length, median, sorted[sorted.length - 1]);
	}

}
