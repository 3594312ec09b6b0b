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
 * A node holds one broker queue per destination its sessions subscribe, not one per
 * session, and lets go of it with the last subscriber: a busy server leaks neither queues
 * nor sessions.
 */
@ServerTest
class SessionCleanupIntegrationTests {

	private static final int CYCLES = 1000;

	private static final int THREADS = 4;

	@Autowired
	TestClients clients;

	@Autowired
	EmbeddedBroker broker;

	@Autowired
	ClientSessions sessions;

	@Test
	void aThousandSessionsOfOneUserShareOneBrokerQueueThatGoesWithTheLast() {
		TestUser alice = this.clients.newUser();
		String aliceQueue = new Destination.UserQueue(alice.id(), Destination.UserQueue.NOTIFICATIONS).route()
			.carrier();
		try (StompClient first = this.clients.connect(alice); StompClient second = this.clients.connect(alice)) {
			first.subscribe("/user/queue/notifications");
			second.subscribe("/user/queue/notifications");
			assertThat(queuesFor(aliceQueue)).as("one queue for the node, whatever its sessions").hasSize(1);
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
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(queuesFor(aliceQueue)).isEmpty();
			assertThat(this.sessions.sessionsOf(alice.id())).isEmpty();
		});
		System.out.printf(
				"[measure] %d connect/subscribe x2/disconnect cycles on %d threads: %d ms; "
						+ "the node let go of them %d ms later%n",
				CYCLES, THREADS, (cycled - started) / 1_000_000, (System.nanoTime() - cycled) / 1_000_000);
	}

	private Set<String> queuesFor(String address) {
		return this.broker.queueNames().stream().filter((name) -> name.endsWith(address)).collect(Collectors.toSet());
	}

}
