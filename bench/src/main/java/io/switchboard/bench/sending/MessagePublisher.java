package io.switchboard.bench.sending;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.netty.util.concurrent.ScheduledFuture;
import io.switchboard.bench.stomp.StompFrame;
import io.switchboard.bench.stomp.StompListener;
import io.switchboard.bench.stomp.StompSession;
import org.jspecify.annotations.Nullable;

/**
 * One sending session. Flat out, it keeps a window of SENDs awaiting their RECEIPT and
 * sends the next as each one arrives; paced, it sends on a schedule whatever the receipts
 * do. Each SEND carries a {@code clientMessageId} unique to the run, and, given a
 * recorder, the time from each SEND to its RECEIPT is recorded. Everything but start and
 * stop runs on its session's event loop.
 */
public final class MessagePublisher implements StompListener {

	public static final String ERRORS = "/user/queue/errors";

	private final String name;

	private final String destination;

	private final LongAdder stored;

	private final @Nullable LatencyRecorder receiptLatency;

	/** Send times of SENDs awaiting their RECEIPT, by receipt id, if they are timed. */
	private final Map<String, Long> sentAt = new HashMap<>();

	private @Nullable StompSession session;

	private @Nullable ScheduledFuture<?> schedule;

	private boolean flatOut;

	private long sent;

	private volatile boolean running;

	private volatile int awaitingReceipt;

	private volatile long confirmed;

	private volatile int errors;

	private volatile @Nullable String firstError;

	/**
	 * @param name unique to the run: the prefix of every {@code clientMessageId} it sends
	 * @param stored counts the RECEIPTs of every publisher of a run
	 * @param receiptLatency where send-to-RECEIPT times go, or {@code null} not to time
	 * them
	 */
	public MessagePublisher(String name, String destination, LongAdder stored,
			@Nullable LatencyRecorder receiptLatency) {
		this.name = name;
		this.destination = destination;
		this.stored = stored;
		this.receiptLatency = receiptLatency;
	}

	public void attach(StompSession session) {
		this.session = session;
	}

	public void startFlatOut(int window) {
		StompSession session = session();
		this.running = true;
		session.eventLoop().execute(() -> {
			this.flatOut = true;
			for (int i = 0; i < window; i++) {
				sendOne();
			}
		});
	}

	public void startPaced(long periodNanos, long delayNanos) {
		this.running = true;
		this.schedule = session().eventLoop()
			.scheduleAtFixedRate(this::sendOne, delayNanos, periodNanos, TimeUnit.NANOSECONDS);
	}

	public void stop() {
		this.running = false;
		if (this.schedule != null) {
			this.schedule.cancel(false);
		}
	}

	public int awaitingReceipt() {
		return this.awaitingReceipt;
	}

	/**
	 * SENDs the server confirmed with a RECEIPT.
	 */
	public long confirmed() {
		return this.confirmed;
	}

	public int errors() {
		return this.errors;
	}

	public @Nullable String firstError() {
		return this.firstError;
	}

	@Override
	public void onReceipt(String receiptId) {
		Long sentNanos = this.sentAt.remove(receiptId);
		if (sentNanos != null && this.receiptLatency != null) {
			this.receiptLatency.record(sentNanos, System.nanoTime());
		}
		this.awaitingReceipt--;
		this.confirmed++;
		this.stored.increment();
		if (this.flatOut) {
			sendOne();
		}
	}

	/**
	 * Only error events come here, the publisher's one subscription. A refused SEND gets
	 * no RECEIPT, so its place in the window is given back here.
	 */
	@Override
	public void onMessage(StompFrame frame, long receivedNanos) {
		this.errors++;
		if (this.firstError == null) {
			this.firstError = frame.body();
		}
		this.awaitingReceipt--;
		if (this.flatOut) {
			sendOne();
		}
	}

	private void sendOne() {
		if (!this.running) {
			return;
		}
		long number = ++this.sent;
		this.awaitingReceipt++;
		long now = System.nanoTime();
		String receiptId = "r" + number;
		if (this.receiptLatency != null) {
			this.sentAt.put(receiptId, now);
		}
		String json = "{\"content\":\"" + SendStamp.content(now) + "\",\"clientMessageId\":\"" + this.name + "-"
				+ number + "\"}";
		session().send(this.destination, receiptId, json);
	}

	private StompSession session() {
		StompSession session = this.session;
		if (session == null) {
			throw new IllegalStateException("publisher " + this.name + " has no session");
		}
		return session;
	}

}
