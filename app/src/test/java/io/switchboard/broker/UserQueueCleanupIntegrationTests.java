package io.switchboard.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring gives each session its own broker queue behind {@code /user/queue/...}; the
 * broker must delete them when their sessions end, or a busy server leaks queues.
 */
@ServerTest
class UserQueueCleanupIntegrationTests {

	private static final int CYCLES = 1000;

	private static final int THREADS = 4;

	@Autowired
	TestClients clients;

	@Autowired
	EmbeddedBroker broker;

	@Test
	void userQueuesAreDeletedWhenTheirSessionsEndAfterAThousandCycles() {
		TestUser alice = this.clients.newUser();
		// Other tests' queues may still be on their way out: judge only this test's.
		Set<String> before = userQueues();
		try (StompClient client = this.clients.connect(alice)) {
			client.subscribe("/user/queue/notifications");
			assertThat(userQueues()).as("a session's user queue exists while it lives")
				.anyMatch((name) -> name.startsWith("notifications-user") && !before.contains(name));
		}
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<CompletableFuture<Void>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				workers.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < CYCLES / THREADS; i++) {
						try (StompClient client = this.clients.connect(alice)) {
							client.subscribe("/user/queue/notifications");
							client.subscribe("/user/queue/errors");
						}
					}
				}, pool));
			}
			workers.forEach(StompClient::await);
		}
		finally {
			pool.shutdownNow();
		}
		long cycled = System.nanoTime();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(userQueues()).allMatch(before::contains));
		System.out.printf(
				"[measure] %d connect/subscribe x2/disconnect cycles on %d threads: %d ms; "
						+ "their queues gone %d ms later%n",
				CYCLES, THREADS, (cycled - started) / 1_000_000, (System.nanoTime() - cycled) / 1_000_000);
	}

	private Set<String> userQueues() {
		return this.broker.queueNames().stream().filter((name) -> name.contains("-user")).collect(Collectors.toSet());
	}

}
