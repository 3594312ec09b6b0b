package io.switchboard.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.switchboard.system.RefusalLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * One client socket and what waits to be written to it. Every frame for the client, the
 * engine's and Spring's alike, goes through its queue, which is bounded in size and in
 * how long a frame may wait: a client that stops reading is closed, and never holds up
 * anyone else. Frames that queue up while a write is in flight go out together in one
 * WebSocket message.
 */
final class ClientConnection extends WebSocketSessionDecorator {

	private static final Logger logger = LoggerFactory.getLogger(ClientConnection.class);

	/** One budget of log lines for each reason, so that a flood of one hides no other. */
	private static final Map<String, RefusalLog> closes = new ConcurrentHashMap<>();

	private static final int MAX_BATCH_CHARS = 64 * 1024;

	private static final long CLOSE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

	private final OutboundWriter writer;

	private final Executor closer;

	private final DeliveryMetrics metrics;

	private final long maxQueuedChars;

	private final long openedAt = System.nanoTime();

	private final ArrayDeque<String> queue = new ArrayDeque<>(4);

	private long queuedChars;

	/** When the oldest frame now in the queue was queued, or 0. */
	private long queuedSince;

	/** When the oldest frame of the write in flight was queued, or 0. */
	private long writingSince;

	private boolean writing;

	private @Nullable CloseStatus closeAfterFlush;

	private long closeRequestedAt;

	private boolean closed;

	private volatile long lastWriteAt = this.openedAt;

	private volatile long lastReadAt = this.openedAt;

	private volatile @Nullable ClientSession session;

	ClientConnection(WebSocketSession delegate, OutboundWriter writer, Executor closer, long maxQueuedBytes,
			DeliveryMetrics metrics) {
		super(delegate);
		this.writer = writer;
		this.closer = closer;
		this.metrics = metrics;
		// Frames are mostly ASCII: a char is a byte on the wire.
		this.maxQueuedChars = maxQueuedBytes;
	}

	@Nullable ClientSession session() {
		return this.session;
	}

	void attach(ClientSession session) {
		this.session = session;
	}

	long openedAt() {
		return this.openedAt;
	}

	long lastWriteAt() {
		return this.lastWriteAt;
	}

	long lastReadAt() {
		return this.lastReadAt;
	}

	void markRead() {
		this.lastReadAt = System.nanoTime();
	}

	/**
	 * Keeps the container's small per-socket message buffer. Spring's STOMP handler
	 * raises it to 16 KB, which the container would allocate as a 33 KB char array on
	 * every socket's first message; long messages arrive in parts instead (see
	 * {@link ConnectionTracking}) and the STOMP decoder enforces the frame limit.
	 */
	@Override
	public void setTextMessageSizeLimit(int messageSizeLimit) {
	}

	/**
	 * Spring's frames (CONNECTED, RECEIPT, ERROR) arrive here.
	 */
	@Override
	public void sendMessage(WebSocketMessage<?> message) throws IOException {
		String text = (message instanceof BinaryMessage binary)
				? StandardCharsets.UTF_8.decode(binary.getPayload().duplicate()).toString()
				: ((TextMessage) message).getPayload();
		offer(text);
	}

	/**
	 * Queues a frame for the client; returns {@code false} if the connection is closing
	 * or the frame would overflow its queue, which closes it.
	 */
	boolean offer(String frame) {
		synchronized (this) {
			if (this.closed || this.closeAfterFlush != null) {
				return false;
			}
			if (this.queuedChars + frame.length() > this.maxQueuedChars) {
				closeLocked(
						ErrorFrame.slowConsumer(
								"more than " + this.maxQueuedChars + " bytes waited to be written to the client"),
						true);
				return false;
			}
			if (this.queue.isEmpty()) {
				this.queuedSince = System.nanoTime();
			}
			this.queue.add(frame);
			this.queuedChars += frame.length();
			if (this.writing) {
				return true;
			}
			this.writing = true;
		}
		pump();
		return true;
	}

	synchronized long queuedBytes() {
		return this.queuedChars;
	}

	/**
	 * How long the oldest frame not yet written has been waiting.
	 */
	synchronized long lagNanos(long now) {
		long since = (this.writingSince != 0) ? this.writingSince : this.queuedSince;
		return (since == 0) ? 0 : now - since;
	}

	/**
	 * Writes an ERROR frame that says why, after what is already queued, then closes.
	 */
	void closeWithError(ErrorFrame error) {
		close(error, false);
	}

	/**
	 * Closes a client that reads too slowly: what waits for it would arrive only after a
	 * long delay, so it is dropped, and the client recovers it with {@code sinceSeq}.
	 */
	void closeAsSlowConsumer(ErrorFrame error) {
		close(error, true);
	}

	private void close(ErrorFrame error, boolean slowConsumer) {
		synchronized (this) {
			if (this.closed || this.closeAfterFlush != null) {
				return;
			}
			closeLocked(error, slowConsumer);
		}
	}

	private void closeLocked(ErrorFrame error, boolean slowConsumer) {
		closes.computeIfAbsent(error.message(), (reason) -> new RefusalLog(ClientConnection.class))
			.info("Closing STOMP session {}: {}", getId(), error);
		if (slowConsumer) {
			this.metrics.slowConsumerClosed();
			this.queue.clear();
			this.queuedChars = 0;
		}
		this.queue.add(error.encoded());
		this.closeAfterFlush = CloseStatus.POLICY_VIOLATION;
		this.closeRequestedAt = System.nanoTime();
		if (!this.writing) {
			this.writing = true;
			this.closer.execute(this::pump);
		}
	}

	/**
	 * Closes once what is queued has been written, as Spring expects after an ERROR
	 * frame.
	 */
	@Override
	public void close(CloseStatus status) {
		boolean now;
		synchronized (this) {
			if (this.closed || this.closeAfterFlush != null) {
				return;
			}
			this.closeAfterFlush = status;
			this.closeRequestedAt = System.nanoTime();
			now = !this.writing;
		}
		if (now) {
			closeTransport(status);
		}
	}

	@Override
	public void close() {
		close(CloseStatus.NORMAL);
	}

	/**
	 * Closes the socket of a client that did not take its last frames in time.
	 */
	void closeIfOverdue(long now) {
		CloseStatus status;
		synchronized (this) {
			if (this.closed || this.closeAfterFlush == null || now - this.closeRequestedAt < CLOSE_GRACE_NANOS) {
				return;
			}
			status = this.closeAfterFlush;
		}
		closeTransport(status);
	}

	/**
	 * The socket is gone: nothing more is written.
	 */
	synchronized void closed() {
		this.closed = true;
		this.queue.clear();
		this.queuedChars = 0;
	}

	private void pump() {
		while (true) {
			String batch;
			synchronized (this) {
				if (this.closed || this.queue.isEmpty()) {
					this.writing = false;
					this.writingSince = 0;
					if (this.closeAfterFlush != null && !this.closed) {
						this.closer.execute(() -> closeTransport(this.closeAfterFlush));
					}
					return;
				}
				batch = takeBatch();
			}
			Completion completion = new Completion();
			this.writer.write(batch, completion);
			if (!completion.continueHere()) {
				return;
			}
			if (!afterWrite(completion.failure)) {
				return;
			}
		}
	}

	private String takeBatch() {
		this.writingSince = this.queuedSince;
		String first = this.queue.poll();
		int length = first.length();
		if (this.queue.isEmpty() || length + this.queue.peek().length() > MAX_BATCH_CHARS) {
			this.queuedChars -= length;
			this.queuedSince = this.queue.isEmpty() ? 0 : System.nanoTime();
			return first;
		}
		StringBuilder batch = new StringBuilder(Math.min(MAX_BATCH_CHARS, (int) this.queuedChars)).append(first);
		while (!this.queue.isEmpty() && batch.length() + this.queue.peek().length() <= MAX_BATCH_CHARS) {
			batch.append(this.queue.poll());
		}
		this.queuedChars -= batch.length();
		this.queuedSince = this.queue.isEmpty() ? 0 : System.nanoTime();
		return batch.toString();
	}

	/**
	 * @return whether to go on writing
	 */
	private boolean afterWrite(@Nullable Throwable failure) {
		this.lastWriteAt = System.nanoTime();
		if (failure != null) {
			logger.debug("Write to session {} failed: {}", getId(), failure.toString());
			synchronized (this) {
				this.writing = false;
				this.closed = true;
				this.queue.clear();
			}
			closeTransport(CloseStatus.SESSION_NOT_RELIABLE);
			return false;
		}
		return true;
	}

	private void closeTransport(@Nullable CloseStatus status) {
		synchronized (this) {
			if (this.closed && !isOpenUnderneath()) {
				return;
			}
			this.closed = true;
		}
		try {
			getDelegate().close((status != null) ? status : CloseStatus.NORMAL);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Closing session {} failed: {}", getId(), ex.toString());
		}
	}

	private boolean isOpenUnderneath() {
		try {
			return getDelegate().isOpen();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Tells a write that finished on the calling thread from one that finishes later on
	 * another, so a burst of writes that complete at once loops instead of recursing.
	 */
	private final class Completion implements java.util.function.Consumer<@Nullable Throwable> {

		private static final int PENDING = 0;

		private static final int DONE_HERE = 1;

		private static final int LEFT = 2;

		private final AtomicInteger state = new AtomicInteger(PENDING);

		private volatile @Nullable Throwable failure;

		@Override
		public void accept(@Nullable Throwable failure) {
			this.failure = failure;
			if (!this.state.compareAndSet(PENDING, DONE_HERE)) {
				if (afterWrite(failure)) {
					pump();
				}
			}
		}

		/**
		 * Called by the writing thread once {@code write} returns.
		 */
		boolean continueHere() {
			return !this.state.compareAndSet(PENDING, LEFT);
		}

	}

}
