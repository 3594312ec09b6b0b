package io.switchboard.system;

import java.time.Duration;

/**
 * Work the server repeats in the background to keep its tables small: purging what is
 * past its retention, sweeping what has expired. Every such bean is run by
 * {@link Housekeeping}, one task at a time, so that they never compete with each other
 * for connections.
 */
public interface HousekeepingTask {

	/**
	 * What the task does, for the log line of a failed run: "purge old notifications".
	 */
	String description();

	/**
	 * The time between the end of one run and the start of the next.
	 */
	Duration interval();

	/**
	 * The time from start to the first run; by default a minute, so that a starting node
	 * serves its clients first.
	 */
	default Duration firstRunAfter() {
		return Duration.ofMinutes(1);
	}

	/**
	 * Runs once; a failure is logged and the next run comes as planned.
	 */
	void run();

}
