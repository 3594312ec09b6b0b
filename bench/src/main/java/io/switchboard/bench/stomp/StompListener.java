package io.switchboard.bench.stomp;

/**
 * What a session's owner hears from the server. Called on the session's event loop, so an
 * implementation sees its session's frames one at a time and must not block.
 */
public interface StompListener {

	/** A listener for sessions that only need to stay open. */
	StompListener IDLE = new StompListener() {
	};

	/**
	 * A MESSAGE frame, with the time it was read ({@link System#nanoTime()}).
	 */
	default void onMessage(StompFrame frame, long receivedNanos) {
	}

	/**
	 * A RECEIPT the session did not ask for itself: one for a {@code send}.
	 */
	default void onReceipt(String receiptId) {
	}

}
