package io.switchboard.bench.report;

import java.io.PrintStream;
import java.util.List;

import io.switchboard.bench.fanout.FanoutResult;
import io.switchboard.bench.idle.IdleSessionResult;
import io.switchboard.bench.write.WriteResult;

/**
 * Prints the results as fixed-width tables, notes under them.
 */
public final class ResultTable {

	private static final String FANOUT_ROW = "%-22s %12s %13s %13s %8s %8s %9s %6s%n";

	private static final String WRITE_ROW = "%-22s %8s %13s %9s %8s %8s %9s %7s%n";

	private static final String IDLE_ROW = "%-15s %18s %16s%n";

	private final PrintStream out;

	public ResultTable(PrintStream out) {
		this.out = out;
	}

	public void print(List<FanoutResult> fanout, List<WriteResult> write, List<IdleSessionResult> idle,
			List<String> notes, Environment environment) {
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
		printNotes(fanout, write, idle, notes);
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

	private void printNotes(List<FanoutResult> fanout, List<WriteResult> write, List<IdleSessionResult> idle,
			List<String> notes) {
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
