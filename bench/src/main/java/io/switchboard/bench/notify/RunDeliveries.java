package io.switchboard.bench.notify;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which connected sessions got one run's notification, how often, and when first. Written
 * by the sessions' event loops, read by the scenario.
 */
final class RunDeliveries {

	private final AtomicIntegerArray copies;

	private final AtomicLongArray firstNanos;

	private final CountDownLatch everyoneReached;

	RunDeliveries(int sessions) {
		this.copies = new AtomicIntegerArray(sessions);
		this.firstNanos = new AtomicLongArray(sessions);
		this.everyoneReached = new CountDownLatch(sessions);
	}

	void received(int session, long receivedNanos) {
		if (this.copies.incrementAndGet(session) == 1) {
			this.firstNanos.set(session, receivedNanos);
			this.everyoneReached.countDown();
		}
	}

	/**
	 * Waits until every session has the notification, for at most {@code timeout}.
	 * @return whether every session has it
	 */
	boolean awaitEveryone(Duration timeout) throws InterruptedException {
		return this.everyoneReached.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	/**
	 * When the last session that has the notification got it ({@link System#nanoTime()}).
	 */
	long lastFirstArrival() {
		long last = Long.MIN_VALUE;
		for (int i = 0; i < this.firstNanos.length(); i++) {
			if (this.copies.get(i) > 0) {
				last = Math.max(last, this.firstNanos.get(i));
			}
		}
		return last;
	}

	int reached() {
		int reached = 0;
		for (int i = 0; i < this.copies.length(); i++) {
			if (this.copies.get(i) > 0) {
				reached++;
			}
		}
		return reached;
	}

	/**
	 * Copies sessions got beyond their first.
	 */
	int repeated() {
		int repeated = 0;
		for (int i = 0; i < this.copies.length(); i++) {
			repeated += Math.max(0, this.copies.get(i) - 1);
		}
		return repeated;
	}

}
