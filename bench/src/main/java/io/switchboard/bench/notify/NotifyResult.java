package io.switchboard.bench.notify;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the notification scenario measured.
 *
 * @param settings the scenario
 * @param runs the publications made, in order
 * @param notes anything else worth reading: missing or repeated deliveries, answers other
 * than expected, lost sessions
 * @param failure why the scenario could not measure, or stopped early, if it did
 */
public record NotifyResult(NotifySettings settings, List<NotifyRun> runs, List<String> notes,
		@Nullable String failure) {

	public NotifyResult {
		runs = List.copyOf(runs);
		notes = List.copyOf(notes);
	}

	static NotifyResult failed(NotifySettings settings, String failure) {
		return new NotifyResult(settings, List.of(), List.of(), failure);
	}

	/**
	 * Request to answer, over all runs.
	 */
	public RunTimes store() {
		return RunTimes.of(this.runs.stream().map(NotifyRun::storeMillis).toList());
	}

	/**
	 * Request to the last connected session's delivery, over all runs.
	 */
	public RunTimes lastDelivery() {
		return RunTimes.of(this.runs.stream().map(NotifyRun::lastDeliveryMillis).toList());
	}

}
