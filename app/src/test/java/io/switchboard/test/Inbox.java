package io.switchboard.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * The JSON payloads one subscription received, in arrival order.
 */
public final class Inbox {

	static final Duration WAIT = Duration.ofSeconds(15);

	private final String destination;

	private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

	Inbox(String destination) {
		this.destination = destination;
	}

	void add(JsonNode payload) {
		this.received.add(payload);
	}

	/**
	 * The next payload, waiting for it if need be; fails if none comes in time.
	 */
	public JsonNode next() {
		try {
			JsonNode payload = this.received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (payload == null) {
				throw new AssertionError("nothing arrived on " + this.destination + " within " + WAIT);
			}
			return payload;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted", ex);
		}
	}

	public List<JsonNode> next(int count) {
		List<JsonNode> payloads = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			payloads.add(next());
		}
		return payloads;
	}

	public boolean isEmpty() {
		return this.received.isEmpty();
	}

}
