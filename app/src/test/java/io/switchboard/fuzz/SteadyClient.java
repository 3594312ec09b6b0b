package io.switchboard.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.switchboard.test.Inbox;
import io.switchboard.test.StompClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A well-behaved client connected throughout a fuzzing run: it sends a numbered message
 * to its own channel, waits for the RECEIPT, and keeps the channel's events, so that at
 * the end it can tell whether anything the fuzzers did reached it.
 */
final class SteadyClient implements Runnable {

	private final StompClient client;

	private final long channelId;

	private final Inbox events;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private volatile int confirmed;

	private volatile Throwable failure;

	SteadyClient(StompClient client, long channelId) {
		this.client = client;
		this.channelId = channelId;
		this.events = client.subscribe("/topic/channel." + channelId);
	}

	@Override
	public void run() {
		try {
			while (this.running.get()) {
				this.client.sendAndAwaitReceipt("/app/channel." + this.channelId + ".send",
						Map.of("content", "steady " + this.confirmed));
				this.confirmed++;
			}
		}
		catch (Throwable ex) {
			this.failure = ex;
		}
	}

	private @Nullable Thread thread;

	/**
	 * Starts sending on a thread of its own.
	 */
	SteadyClient start() {
		Thread sender = new Thread(this, "steady-client");
		this.thread = sender;
		sender.start();
		return this;
	}

	/**
	 * Stops sending and waits for the last message to be confirmed.
	 */
	void stop() throws InterruptedException {
		this.running.set(false);
		if (this.thread != null) {
			this.thread.join();
		}
	}

	/**
	 * Once stopped, checks that every message was confirmed and came back as the
	 * channel's next event, in order, each once.
	 */
	void check() {
		assertThat(this.failure).as("the steady client's sending").isNull();
		assertThat(this.client.isConnected()).isTrue();
		assertThat(this.confirmed).as("messages the steady client sent meanwhile").isPositive();
		List<JsonNode> received = new ArrayList<>(this.events.next(this.confirmed));
		long seq = received.get(0).get("seq").asLong();
		for (int i = 0; i < received.size(); i++) {
			assertThat(received.get(i).get("seq").asLong()).isEqualTo(seq + i);
			assertThat(received.get(i).at("/message/content").asString()).isEqualTo("steady " + i);
		}
	}

}
