package io.switchboard.bench.report;

import java.io.PrintStream;
import java.util.List;

import io.switchboard.bench.fanout.FanoutResult;
import io.switchboard.bench.idle.IdleSessionResult;
import io.switchboard.bench.notify.NotifyResult;
import io.switchboard.bench.notify.NotifyRun;
import io.switchboard.bench.notify.RunTimes;
import io.switchboard.bench.write.WriteResult;

/**
 * Prints the results as fixed-width tables, notes under them.
 */
public final class ResultTable {

	private static final String FANOUT_ROW = "%-22s %12s %13s %13s %8s %8s %9s %6s%n";

	private static final String WRITE_ROW = "%-22s %8s %13s %9s %8s %8s %9s %7s%n";

	private static final String IDLE_ROW = "%-15s %18s %16s%n";

	private static final String NOTIFY_ROW = "%-36s %5s %16s %13s %24s %21s  %s%n";

	private final PrintStream out;

	public ResultTable(PrintStream out) {
		this.out = out;
	}

	public void print(List<FanoutResult> fanout, List<WriteResult> write, List<IdleSessionResult> idle,
			List<NotifyResult> notify, List<String> notes, Environment environment) {
		this.out.println();
		if (!fanout.isEmpty()) {
			this.out.printf(FANOUT_ROW, "scenario", "subscribers", "stored msg/s", "deliveries/s", "p50 ms", "p99 ms",
					"p99.9 ms", "gaps");
			for (FanoutResult result : fanout) {
				printFanout(result);
			}
			this.out.println();
		}
		if (!write.isEmpty()) {
			this.out.printf(WRITE_ROW, "write path", "senders", "stored msg/s", "confirmed", "p50 ms", "p99 ms",
					"p99.9 ms", "faults");
			for (WriteResult result : write) {
				printWrite(result);
			}
			this.out.println();
		}
		if (!idle.isEmpty()) {
			this.out.printf(IDLE_ROW, "idle sessions", "sessions", "heap/session KB");
			for (IdleSessionResult result : idle) {
				this.out.printf(IDLE_ROW, "", sessions(result), decimal(result.heapPerSessionKb(), 1));
			}
			this.out.println();
		}
		if (!notify.isEmpty()) {
			this.out.printf(NOTIFY_ROW, "notification (recipients, connected)", "runs", "store median ms",
					"store max ms", "last delivery median ms", "last delivery max ms", "goal");
			for (NotifyResult result : notify) {
				printNotify(result);
			}
			this.out.println();
		}
		printNotes(fanout, write, idle, notify, notes);
		this.out.printf("server JVM: %s%n", environment.serverJvm());
		this.out.printf("bench JVM:  %s (client transport %s)%n", environment.benchJvm(), environment.transport());
		this.out.printf("cores:      %d%n", environment.cores());
	}

	private void printFanout(FanoutResult result) {
		String label = result.settings().label();
		String subscribers = count(result.settings().subscribers());
		if (result.failure() != null) {
			this.out.printf("%-22s %12s   failed (see notes)%n", label, subscribers);
			return;
		}
		this.out.printf(FANOUT_ROW, label, subscribers, decimal(result.storedPerSecond(), 1),
				decimal(result.deliveriesPerSecond(), 0), decimal(result.latency().p50(), 1),
				decimal(result.latency().p99(), 1), decimal(result.latency().p999(), 1), count(result.gaps()));
	}

	private void printWrite(WriteResult result) {
		String label = result.settings().label();
		String senders = count(result.settings().senders());
		if (result.failure() != null) {
			this.out.printf("%-22s %8s   failed (see notes)%n", label, senders);
			return;
		}
		this.out.printf(WRITE_ROW, label, senders, decimal(result.storedPerSecond(), 1), count(result.confirmed()),
				decimal(result.receiptLatency().p50(), 1), decimal(result.receiptLatency().p99(), 1),
				decimal(result.receiptLatency().p999(), 1), count(result.faults()));
	}

	/**
	 * All runs, then the first alone: it runs on a server whose JIT has not yet compiled
	 * the publishing path, and would otherwise pass for the typical maximum.
	 */
	private void printNotify(NotifyResult result) {
		String label = result.settings().label();
		if (result.runs().isEmpty()) {
			this.out.printf("%-36s %5s   failed (see notes)%n", label, "0");
			return;
		}
		printNotifyRow(label, result.runs().size(), result.store(), result.lastDelivery(), NotifyRun.GOAL);
		if (result.runs().size() > 1) {
			NotifyRun first = result.runs().get(0);
			printNotifyRow(label + ", first run", 1, RunTimes.of(List.of(first.storeMillis())),
					RunTimes.of(List.of(first.lastDeliveryMillis())), "");
		}
	}

	private void printNotifyRow(String label, int runs, RunTimes store, RunTimes lastDelivery, String goal) {
		this.out.printf(NOTIFY_ROW, label, count(runs), decimal(store.median(), 1), decimal(store.max(), 1),
				decimal(lastDelivery.median(), 1), decimal(lastDelivery.max(), 1), goal);
	}

	private void printNotes(List<FanoutResult> fanout, List<WriteResult> write, List<IdleSessionResult> idle,
			List<NotifyResult> notify, List<String> notes) {
		boolean any = false;
		for (FanoutResult result : fanout) {
			String which = result.settings().label() + ", " + count(result.settings().subscribers()) + " subscribers: ";
			if (result.failure() != null) {
				any = note(which + "failed: " + result.failure());
			}
			for (String note : result.notes()) {
				any = note(which + note);
			}
		}
		for (WriteResult result : write) {
			String which = "write path " + result.settings().label() + ": ";
			if (result.failure() != null) {
				any = note(which + "failed: " + result.failure());
			}
			for (String note : result.notes()) {
				any = note(which + note);
			}
		}
		for (IdleSessionResult result : idle) {
			if (result.problem() != null) {
				any = note(String.format("idle sessions, %s: %s", count(result.sessions()), result.problem()));
			}
		}
		for (NotifyResult result : notify) {
			String which = "notification " + result.settings().label() + ": ";
			if (result.failure() != null) {
				any = note(which + "failed: " + result.failure());
			}
			for (String note : result.notes()) {
				any = note(which + note);
			}
		}
		for (String note : notes) {
			any = note(note);
		}
		if (any) {
			this.out.println();
		}
	}

	private boolean note(String text) {
		this.out.println("- " + text);
		return true;
	}

	/**
	 * The sessions the heap was read with, and the step's target if fewer opened.
	 */
	private static String sessions(IdleSessionResult result) {
		return (result.open() == result.sessions()) ? count(result.open())
				: count(result.open()) + " of " + count(result.sessions());
	}

	private static String count(long value) {
		return String.format("%,d", value);
	}

	private static String decimal(double value, int places) {
		return Double.isNaN(value) ? "-" : String.format("%,." + places + "f", value);
	}

}
