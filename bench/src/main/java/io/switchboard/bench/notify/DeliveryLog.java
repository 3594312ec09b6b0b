package io.switchboard.bench.notify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * Every run's deliveries, by the run's marker, so that a copy arriving late, during a
 * later run, still counts for the run it belongs to.
 */
final class DeliveryLog {

	private final int sessions;

	private final Map<String, RunDeliveries> runs = new ConcurrentHashMap<>();

	private final LongAdder unexpected = new LongAdder();

	/**
	 * @param sessions connected sessions, numbered from 0
	 */
	DeliveryLog(int sessions) {
		this.sessions = sessions;
	}

	/**
	 * Starts counting a run's deliveries; call it before publishing the run.
	 */
	RunDeliveries expect(String run) {
		RunDeliveries deliveries = new RunDeliveries(this.sessions);
		this.runs.put(run, deliveries);
		return deliveries;
	}

	/**
	 * @param run the event's marker, or null if it was no notification of the bench
	 */
	void received(int session, @Nullable String run, long receivedNanos) {
		RunDeliveries deliveries = (run != null) ? this.runs.get(run) : null;
		if (deliveries != null) {
			deliveries.received(session, receivedNanos);
		}
		else {
			this.unexpected.increment();
		}
	}

	/**
	 * MESSAGE frames that were no notification of any run so far.
	 */
	long unexpected() {
		return this.unexpected.sum();
	}

}
