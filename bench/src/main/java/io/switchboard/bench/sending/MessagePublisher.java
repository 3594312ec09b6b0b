package io.switchboard.bench.fanout;

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
 * do. Everything but start and stop runs on its session's event loop.
 */
final class MessagePublisher implements StompListener {

	static final String ERRORS = "/user/queue/errors";

	private final String name;

	private final String destination;

	private final LongAdder stored;

	private @Nullable StompSession session;

	private @Nullable ScheduledFuture<?> schedule;

	private boolean flatOut;

	private long sent;

	private volatile boolean running;

	private volatile int awaitingReceipt;

	private volatile int errors;

	private volatile @Nullable String firstError;

	MessagePublisher(String name, String destination, LongAdder stored) {
		this.name = name;
		this.destination = destination;
		this.stored = stored;
	}

	void attach(StompSession session) {
		this.session = session;
	}

	void startFlatOut(int window) {
		StompSession session = session();
		this.running = true;
		session.eventLoop().execute(() -> {
			this.flatOut = true;
			for (int i = 0; i < window; i++) {
				sendOne();
			}
		});
	}

	void startPaced(long periodNanos, long delayNanos) {
		this.running = true;
		this.schedule = session().eventLoop()
			.scheduleAtFixedRate(this::sendOne, delayNanos, periodNanos, TimeUnit.NANOSECONDS);
	}

	void stop() {
		this.running = false;
		if (this.schedule != null) {
			this.schedule.cancel(false);
		}
	}

	int awaitingReceipt() {
		return this.awaitingReceipt;
	}

	int errors() {
		return this.errors;
	}

	@Nullable String firstError() {
		return this.firstError;
	}

	@Override
	public void onReceipt(String receiptId) {
		this.awaitingReceipt--;
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
		String json = "{\"content\":\"" + SendStamp.content(System.nanoTime()) + "\",\"clientMessageId\":\"" + this.name
				+ "-" + number + "\"}";
		session().send(this.destination, "r" + number, json);
	}

	private StompSession session() {
		StompSession session = this.session;
		if (session == null) {
			throw new IllegalStateException("publisher " + this.name + " has no session");
		}
		return session;
	}

}
