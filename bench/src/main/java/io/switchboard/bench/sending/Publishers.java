package io.switchboard.bench.sending;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The sending sessions of one run, started, stopped and drained together.
 */
public final class Publishers {

	private final List<MessagePublisher> publishers;

	public Publishers(List<MessagePublisher> publishers) {
		this.publishers = List.copyOf(publishers);
	}

	/**
	 * Flat out ({@code rate} 0), each keeps {@code window} SENDs awaiting their RECEIPT;
	 * paced, each sends every count/rate seconds, the i-th offset by i/rate, so that
	 * together they send evenly at the rate.
	 */
	public void start(double rate, int window) {
		int count = this.publishers.size();
		for (int i = 0; i < count; i++) {
			if (rate <= 0) {
				this.publishers.get(i).startFlatOut(window);
			}
			else {
				double interval = 1e9 / rate;
				this.publishers.get(i).startPaced((long) (interval * count), (long) (interval * i));
			}
		}
	}

	public void stop() {
		this.publishers.forEach(MessagePublisher::stop);
	}

	/**
	 * Waits, at most the timeout, until every SEND has its RECEIPT or its error.
	 * @return the SENDs still unanswered
	 */
	public int awaitReceipts(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int awaiting;
		while ((awaiting = this.publishers.stream().mapToInt(MessagePublisher::awaitingReceipt).sum()) > 0
				&& System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return awaiting;
	}

	/**
	 * How many SENDs were refused, and the first refusal, if any was.
	 */
	public Optional<String> refusals() {
		int errors = this.publishers.stream().mapToInt(MessagePublisher::errors).sum();
		if (errors == 0) {
			return Optional.empty();
		}
		String first = this.publishers.stream()
			.map(MessagePublisher::firstError)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse("?");
		return Optional.of(errors + " SENDs refused; first: " + first);
	}

	/**
	 * Sleeps until {@link System#nanoTime()} reaches the given time.
	 */
	public static void sleepUntil(long nanos) throws InterruptedException {
		long left;
		while ((left = nanos - System.nanoTime()) > 0) {
			TimeUnit.NANOSECONDS.sleep(left);
		}
	}

}
