package io.switchboard.bench.notify;

import io.switchboard.bench.stomp.StompFrame;
import io.switchboard.bench.stomp.StompListener;

/**
 * One connected recipient, subscribed to its notifications only: every MESSAGE it gets
 * goes to the log under the run its event names.
 */
final class NotificationRecipient implements StompListener {

	private final int session;

	private final DeliveryLog log;

	NotificationRecipient(int session, DeliveryLog log) {
		this.session = session;
		this.log = log;
	}

	@Override
	public void onMessage(StompFrame frame, long receivedNanos) {
		this.log.received(this.session, NotificationEvents.runOf(frame.body()), receivedNanos);
	}

}
