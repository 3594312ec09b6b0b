package io.switchboard.bench.idle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.bench.server.HeapProbe;
import io.switchboard.bench.setup.BenchUsers;
import io.switchboard.bench.setup.TokenMinter;
import io.switchboard.bench.stomp.FileDescriptorsExhausted;
import io.switchboard.bench.stomp.OpenedSessions;
import io.switchboard.bench.stomp.SessionOpener;
import io.switchboard.bench.stomp.SessionPlan;
import io.switchboard.bench.stomp.StompListener;
import org.jspecify.annotations.Nullable;

/**
 * Opens idle sessions step by step, each as a distinct user subscribed to its own queues
 * like a real client, and reads the server's live heap after each step. Sessions stay
 * open from one step to the next, so every step is measured against one baseline.
 */
public final class IdleSessionScenario {

	private static final Duration BROKER_CLEANUP = Duration.ofSeconds(6);

	private static final List<String> USER_QUEUES = List.of("/user/queue/notifications", "/user/queue/errors");

	private final SessionOpener opener;

	private final BenchUsers users;

	private final TokenMinter tokens;

	private final HeapProbe heap;

	private final PrintStream progress;

	public IdleSessionScenario(SessionOpener opener, BenchUsers users, TokenMinter tokens, HeapProbe heap,
			PrintStream progress) {
		this.opener = opener;
		this.users = users;
		this.tokens = tokens;
		this.heap = heap;
		this.progress = progress;
	}

	/**
	 * @param steps session counts, ascending
	 */
	public List<IdleSessionResult> run(List<Integer> steps) throws InterruptedException {
		List<IdleSessionResult> results = new ArrayList<>();
		List<OpenedSessions> opened = new ArrayList<>();
		this.progress.println("  live heap with no bench session (jcmd GC.class_histogram, twice) ...");
		// The embedded broker deletes the queues of closed sessions, such as those of a
		// fanout run just before, every 5 s: the baseline waits for that.
		Thread.sleep(BROKER_CLEANUP.toMillis());
		long before = this.heap.liveHeapBytes();
		int open = 0;
		try {
			for (int step : steps) {
				int first = open;
				this.progress.printf("  opening sessions %,d to %,d ...%n", first + 1, step);
				OpenedSessions batch;
				try {
					batch = this.opener.open(step - first,
							(i) -> new SessionPlan(this.tokens.mint(this.users.member(first + i)), StompListener.IDLE,
									USER_QUEUES));
				}
				catch (FileDescriptorsExhausted ex) {
					results.add(new IdleSessionResult(step, open, before, -1, ex.getMessage()));
					break;
				}
				opened.add(batch);
				open += batch.sessions().size();
				this.progress.printf("  %,d sessions open; live heap ...%n", open);
				long after = this.heap.liveHeapBytes();
				// Read after the heap, so that sessions lost during the full GCs count
				// too.
				results.add(new IdleSessionResult(step, open, before, after, problem(batch, opened)));
				if (batch.failed() > 0) {
					// The server is at its limit; larger steps would only fail harder.
					break;
				}
			}
		}
		finally {
			this.progress.println("  closing idle sessions ...");
			opened.forEach(OpenedSessions::closeAll);
		}
		return results;
	}

	private static @Nullable String problem(OpenedSessions batch, List<OpenedSessions> opened) {
		List<String> problems = new ArrayList<>();
		if (batch.failed() > 0) {
			problems.add(batch.failed() + " sessions failed to open: " + batch.firstFailure());
		}
		long lost = opened.stream().mapToLong((sessions) -> sessions.lost().size()).sum();
		if (lost > 0) {
			problems.add(lost + " open sessions were ended by the server");
		}
		return problems.isEmpty() ? null : String.join("; ", problems);
	}

}
