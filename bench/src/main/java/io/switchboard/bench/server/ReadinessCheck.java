package io.switchboard.bench.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.switchboard.bench.BenchFailure;

/**
 * Asks the server whether it is ready: its readiness probe, or its overall health where
 * it does not expose the probe.
 */
final class ReadinessCheck {

	private static final Duration POLL = Duration.ofMillis(250);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final URI baseUrl;

	private URI probe;

	ReadinessCheck(URI baseUrl) {
		this.baseUrl = baseUrl;
		this.probe = baseUrl.resolve("/actuator/health/readiness");
	}

	boolean isReady() throws InterruptedException {
		int status = status();
		if (status == 404) {
			this.probe = this.baseUrl.resolve("/actuator/health");
			status = status();
		}
		return status == 200;
	}

	/**
	 * Polls until ready.
	 * @param stillStarting checked before each poll; false ends the wait early
	 * @throws BenchFailure if the server is not ready in time
	 */
	void await(Duration timeout, java.util.function.BooleanSupplier stillStarting) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline && stillStarting.getAsBoolean()) {
			if (isReady()) {
				return;
			}
			Thread.sleep(POLL.toMillis());
		}
		if (stillStarting.getAsBoolean()) {
			throw new BenchFailure("the server at " + this.baseUrl + " was not ready within " + timeout.toSeconds()
					+ " s (" + this.probe + ")");
		}
	}

	void await(Duration timeout) throws InterruptedException {
		await(timeout, () -> true);
	}

	private int status() throws InterruptedException {
		try {
			HttpRequest request = HttpRequest.newBuilder(this.probe).timeout(Duration.ofSeconds(5)).GET().build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

}
