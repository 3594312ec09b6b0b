package io.switchboard.system;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class HousekeepingTests {

	@Test
	void aFailingTaskIsLoggedInOneLineAndRunsAgainWhileOthersCarryOn(CapturedOutput output) {
		AtomicInteger failures = new AtomicInteger();
		AtomicInteger runs = new AtomicInteger();
		Housekeeping housekeeping = new Housekeeping(List.of(new Task("purge the unpurgeable", () -> {
			failures.incrementAndGet();
			throw new IllegalStateException("database away");
		}), new Task("count", runs::incrementAndGet)));
		housekeeping.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> failures.get() >= 3 && runs.get() >= 3);
		}
		finally {
			housekeeping.stop();
		}
		assertThat(output).contains("Could not purge the unpurgeable: database away")
			.doesNotContain("IllegalStateException");
	}

	@Test
	void stopsAndStartsAgainWithItsContext() {
		AtomicInteger runs = new AtomicInteger();
		Housekeeping housekeeping = new Housekeeping(List.of(new Task("count", runs::incrementAndGet)));
		housekeeping.start();
		housekeeping.stop();
		assertThat(housekeeping.isRunning()).isFalse();
		int stoppedAt = runs.get();
		housekeeping.start();
		try {
			assertThat(housekeeping.isRunning()).isTrue();
			await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() > stoppedAt);
		}
		finally {
			housekeeping.stop();
		}
	}

	private record Task(String description, Runnable action) implements HousekeepingTask {

		@Override
		public Duration interval() {
			return Duration.ofMillis(10);
		}

		@Override
		public Duration firstRunAfter() {
			return Duration.ZERO;
		}

		@Override
		public void run() {
			this.action.run();
		}

	}

}
