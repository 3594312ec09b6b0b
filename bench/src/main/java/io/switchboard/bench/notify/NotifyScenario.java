package io.switchboard.bench.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.switchboard.bench.sending.CpuUse;
import io.switchboard.bench.sending.ScenarioParts;
import io.switchboard.bench.stomp.OpenedSessions;
import io.switchboard.bench.stomp.SessionPlan;

/**
 * Runs the notification scenario: some of the recipients, spread through the list,
 * connect and subscribe to their notifications, each confirmed by its RECEIPT; then the
 * publisher posts one notification to every recipient, waits for the answer and for every
 * connected session to have it, and posts the next. Sessions stay connected from one
 * publication to the next.
 */
public final class NotifyScenario {

	static final String NOTIFICATIONS = "/user/queue/notifications";

	// From the answer: the server delivers after it commits, so deliveries may still be
	// in flight when the answer arrives.
	private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

	// After the last run, for copies sent twice to arrive before they are counted.
	private static final Duration SETTLE = Duration.ofSeconds(1);

	private static final List<String> PUBLISHER_ROLES = List.of("PUBLISHER");

	private final ScenarioParts parts;

	private final NotificationApi api;

	private final Map<String, Long> userIds;

	/**
	 * @param userIds the run's users' ids by name: a publication names its recipients by
	 * id
	 */
	public NotifyScenario(ScenarioParts parts, NotificationApi api, Map<String, Long> userIds) {
		this.parts = parts;
		this.api = api;
		this.userIds = Map.copyOf(userIds);
	}

	public NotifyResult run(NotifySettings settings) throws InterruptedException {
		if (!this.parts.users().notifies() || this.parts.users().members() < settings.recipients()) {
			return NotifyResult.failed(settings, "the run has no notifier or too few members for "
					+ String.format("%,d", settings.recipients()) + " recipients");
		}
		List<Long> recipients = IntStream.range(0, settings.recipients())
			.mapToObj((i) -> this.userIds.get(this.parts.users().member(i)))
			.toList();
		String publisher = this.parts.tokens().mint(this.parts.users().notifier(), PUBLISHER_ROLES);
		DeliveryLog log = new DeliveryLog(settings.connected());
		this.parts.progress().printf("  %,d recipients subscribe to %s ...%n", settings.connected(), NOTIFICATIONS);
		OpenedSessions connected = this.parts.opener()
			.open(settings.connected(), (session) -> plan(settings, session, log));
		try {
			if (connected.failed() > 0) {
				return NotifyResult.failed(settings, connected.failed() + " of " + settings.connected()
						+ " recipients could not subscribe: " + connected.firstFailure());
			}
			return publish(settings, recipients, publisher, log, connected);
		}
		finally {
			connected.closeAll();
		}
	}

	private SessionPlan plan(NotifySettings settings, int session, DeliveryLog log) {
		String recipient = this.parts.users().member(settings.connectedRecipient(session));
		return new SessionPlan(this.parts.tokens().mint(recipient), new NotificationRecipient(session, log),
				List.of(NOTIFICATIONS));
	}

	private NotifyResult publish(NotifySettings settings, List<Long> recipients, String publisher, DeliveryLog log,
			OpenedSessions connected) throws InterruptedException {
		List<String> notes = new ArrayList<>();
		List<Timing> timings = new ArrayList<>();
		String failure = null;
		CpuUse cpu = new CpuUse(this.parts.serverPid());
		cpu.start();
		for (int number = 1; number <= settings.runs(); number++) {
			String run = this.parts.users().prefix() + "notify" + number + "_" + System.currentTimeMillis();
			String publication = this.api.publication(recipients, run, number);
			RunDeliveries deliveries = log.expect(run);
			long sent = System.nanoTime();
			PublishAnswer answer;
			try {
				answer = this.api.publish(publisher, publication);
			}
			catch (IOException ex) {
				failure = "publication " + number + " failed: " + ex.getMessage();
				break;
			}
			long answered = System.nanoTime();
			boolean everyone = deliveries.awaitEveryone(DELIVERY_TIMEOUT);
			double lastDelivery = everyone ? millis(deliveries.lastFirstArrival() - sent) : Double.NaN;
			timings.add(new Timing(number, millis(answered - sent), lastDelivery, answer, deliveries));
			this.parts.progress()
				.printf("  publication %d: stored %,d in %,.1f ms; %,d of %,d sessions had it %s%n", number,
						answer.stored(), millis(answered - sent), deliveries.reached(), settings.connected(),
						everyone ? String.format("after %,.1f ms", lastDelivery)
								: "within " + DELIVERY_TIMEOUT.toSeconds() + " s of the answer");
		}
		String cpuUse = cpu.stop();
		Thread.sleep(SETTLE.toMillis());
		List<NotifyRun> runs = timings.stream().map(Timing::run).toList();
		for (NotifyRun run : runs) {
			notes.addAll(problems(settings, run));
		}
		if (log.unexpected() > 0) {
			notes.add(log.unexpected() + " MESSAGE frames on " + NOTIFICATIONS
					+ " were no notification of a publication of this scenario");
		}
		if (!connected.lost().isEmpty()) {
			notes.add(connected.lost().size() + " connected sessions were ended by the server ("
					+ connected.lost().get(0).lostReason() + ")");
		}
		notes.addAll(goal(runs));
		notes.add(perRun(runs));
		notes.add(cpuUse);
		return new NotifyResult(settings, runs, notes, failure);
	}

	private static List<String> problems(NotifySettings settings, NotifyRun run) {
		List<String> problems = new ArrayList<>();
		String which = "publication " + run.number() + ": ";
		if (run.stored() != settings.recipients() || !run.unknownRecipients().isEmpty()) {
			problems.add(which + String.format("stored %,d of %,d, %,d unknown recipients%s", run.stored(),
					settings.recipients(), run.unknownRecipients().size(),
					run.unknownRecipients().isEmpty() ? "" : " (first " + run.unknownRecipients().get(0) + ")"));
		}
		if (run.reached() < settings.connected()) {
			problems.add(which + String.format("%,d of %,d connected sessions never got it (waited %d s)",
					settings.connected() - run.reached(), settings.connected(), DELIVERY_TIMEOUT.toSeconds()));
		}
		else if (Double.isNaN(run.lastDeliveryMillis())) {
			problems.add(which + "every connected session got it, but some only after the "
					+ DELIVERY_TIMEOUT.toSeconds() + " s wait");
		}
		if (run.repeated() > 0) {
			problems.add(which + String.format("%,d copies beyond the one each session should get", run.repeated()));
		}
		return problems;
	}

	private static List<String> goal(List<NotifyRun> runs) {
		List<String> missed = runs.stream()
			.filter((run) -> !run.metGoal())
			.map((run) -> String.valueOf(run.number()))
			.toList();
		if (missed.isEmpty()) {
			return List.of();
		}
		return List.of("publications over the goal (" + NotifyRun.GOAL + "): " + String.join(", ", missed) + " of "
				+ runs.size());
	}

	/**
	 * Every run's two times, for the spread the median and the maximum do not show.
	 */
	private static String perRun(List<NotifyRun> runs) {
		List<String> times = runs.stream()
			.map((run) -> decimal(run.storeMillis()) + " / " + decimal(run.lastDeliveryMillis()))
			.toList();
		return "ms to store / to last delivery, by publication: " + String.join(", ", times);
	}

	private static String decimal(double millis) {
		return Double.isNaN(millis) ? "-" : String.format("%,.1f", millis);
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	/**
	 * A run's times, taken when measured, and its deliveries, counted once late copies
	 * had time to arrive.
	 */
	private record Timing(int number, double storeMillis, double lastDeliveryMillis, PublishAnswer answer,
			RunDeliveries deliveries) {

		NotifyRun run() {
			return new NotifyRun(this.number, this.storeMillis, this.lastDeliveryMillis, this.answer.stored(),
					this.answer.unknownRecipients(), this.deliveries.reached(), this.deliveries.repeated());
		}

	}

}
