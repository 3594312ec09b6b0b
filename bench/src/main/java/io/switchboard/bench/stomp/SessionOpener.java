package io.switchboard.bench.stomp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

/**
 * Opens many sessions with a bounded number of handshakes in flight, so that the server
 * is measured serving sessions rather than fending off a connection storm.
 */
public final class SessionOpener {

	// A server past its limit fails most sessions slowly, each taking the full timeout;
	// after this many, the rest would only tell the same story.
	private static final int GIVE_UP_AFTER_FAILURES = 100;

	private final StompClient client;

	private final int concurrency;

	private final Duration timeout;

	/**
	 * @param concurrency sessions connecting and subscribing at once
	 * @param timeout how long one session may take to connect and get its receipts
	 */
	public SessionOpener(StompClient client, int concurrency, Duration timeout) {
		this.client = client;
		this.concurrency = concurrency;
		this.timeout = timeout;
	}

	/**
	 * Opens {@code count} sessions and waits for all of them to be ready or to fail.
	 * @throws FileDescriptorsExhausted if this process runs out of file descriptors
	 */
	public OpenedSessions open(int count, IntFunction<SessionPlan> plans) throws InterruptedException {
		Semaphore inFlight = new Semaphore(this.concurrency);
		CountDownLatch finished = new CountDownLatch(count);
		// By index, so that session i is the one opened from plan i.
		AtomicReferenceArray<@Nullable StompSession> ready = new AtomicReferenceArray<>(count);
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<@Nullable Throwable> firstFailure = new AtomicReference<>();
		int started = 0;
		while (started < count && failed.get() < GIVE_UP_AFTER_FAILURES
				&& !FileDescriptorsExhausted.isCause(firstFailure.get())) {
			if (!inFlight.tryAcquire(this.timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
				break;
			}
			int index = started++;
			SessionPlan plan = plans.apply(index);
			StompSession session = this.client.open(plan.token(), plan.listener());
			session.connected()
				.thenCompose((connected) -> CompletableFuture
					.allOf(plan.destinations().stream().map(session::subscribe).toArray(CompletableFuture[]::new)))
				.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.whenComplete((done, ex) -> {
					try {
						if (ex == null) {
							ready.set(index, session);
						}
						else {
							failed.incrementAndGet();
							firstFailure.compareAndSet(null, unwrap(ex));
							session.close();
						}
					}
					finally {
						inFlight.release();
						finished.countDown();
					}
				});
		}
		int notStarted = count - started;
		for (int i = 0; i < notStarted; i++) {
			failed.incrementAndGet();
			finished.countDown();
		}
		finished.await(this.timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
		List<StompSession> sessions = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			StompSession session = ready.get(i);
			if (session != null) {
				sessions.add(session);
			}
		}
		Throwable failure = firstFailure.get();
		if (FileDescriptorsExhausted.isCause(failure)) {
			new OpenedSessions(sessions, failed.get(), null).closeAll();
			throw new FileDescriptorsExhausted(failure);
		}
		String reason = (failure != null) ? describe(failure) : null;
		if (reason != null && notStarted > 0) {
			reason += " (" + notStarted + " not attempted after " + (failed.get() - notStarted) + " failures)";
		}
		return new OpenedSessions(List.copyOf(sessions), failed.get(), reason);
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String describe(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "no CONNECTED or RECEIPT within the session timeout";
		}
		return (failure.getMessage() != null) ? failure.getMessage() : failure.toString();
	}

}
