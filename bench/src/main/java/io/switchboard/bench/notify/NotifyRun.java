package io.switchboard.bench.notify;

import java.util.List;

/**
 * One publication: what the server answered and what the connected sessions received.
 *
 * @param number 1 for the first publication of the scenario
 * @param storeMillis from sending the request to reading the whole answer
 * @param lastDeliveryMillis from sending the request until the last connected session had
 * the notification; NaN if some never had it within the wait
 * @param stored notifications the server says it stored
 * @param unknownRecipients recipients the server says it stored nothing for
 * @param reached connected sessions that got the notification, counted at the end of the
 * scenario
 * @param repeated copies sessions got beyond their first
 */
public record NotifyRun(int number, double storeMillis, double lastDeliveryMillis, int stored,
		List<Long> unknownRecipients, int reached, int repeated) {

	/**
	 * The goal of a publication to 10,000 users with 1,000 of them connected.
	 */
	public static final String GOAL = "stored < 1,000 ms, last delivery < 2,000 ms";

	private static final double STORE_GOAL_MILLIS = 1000;

	private static final double DELIVERY_GOAL_MILLIS = 2000;

	public NotifyRun {
		unknownRecipients = List.copyOf(unknownRecipients);
	}

	/**
	 * Whether the run met {@link #GOAL}; a run with deliveries missing did not.
	 */
	public boolean metGoal() {
		return this.storeMillis < STORE_GOAL_MILLIS && this.lastDeliveryMillis < DELIVERY_GOAL_MILLIS;
	}

}
