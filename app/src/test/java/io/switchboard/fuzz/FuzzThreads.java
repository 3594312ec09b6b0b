package io.switchboard.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.quicktheories.core.Gen;

import static org.quicktheories.QuickTheory.qt;

/**
 * Runs a property on several threads at once, each with a seed of its own, and fails with
 * the first thread's shrunk counterexample and seed if any thread found one.
 */
final class FuzzThreads {

	/**
	 * Fixed, so that a CI run is repeatable; {@code -Dfuzz.seed=N} explores others.
	 */
	static final long SEED = Long.getLong("fuzz.seed", 20261202L);

	/**
	 * A check of one generated value, on the thread it was given to.
	 */
	interface Check<T> {

		void check(int thread, T value) throws Exception;

	}

	private FuzzThreads() {
	}

	static <T> void run(String name, int threads, int examplesPerThread, Gen<T> values, Check<T> check)
			throws InterruptedException {
		List<Thread> running = new ArrayList<>();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		for (int i = 0; i < threads; i++) {
			int index = i;
			Thread thread = new Thread(() -> {
				try {
					qt().withFixedSeed(SEED + index)
						.withExamples(examplesPerThread)
						.withShrinkCycles(20)
						.forAll(values)
						.checkAssert((value) -> {
							try {
								check.check(index, value);
							}
							catch (RuntimeException | Error ex) {
								throw ex;
							}
							catch (Exception ex) {
								throw new IllegalStateException(ex);
							}
						});
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}, name + "-" + i);
			running.add(thread);
			thread.start();
		}
		for (Thread thread : running) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(failures.size() + " of " + threads + " " + name + " threads failed; the first: "
					+ failures.get(0).getMessage(), failures.get(0));
		}
	}

}
