package io.switchboard.broker;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Looks at every connection a few times a second: heart-beats it, and closes it when its
 * token expired, when it stopped heart-beating, when it never sent CONNECT, or when it
 * stopped reading what it is sent.
 */
final class SessionSweeper implements Runnable {

	private final ClientSessions sessions;

	private final long connectTimeoutNanos;

	private final long maxLagNanos;

	private final double heartbeatTtlFactor;

	SessionSweeper(ClientSessions sessions, DeliverySettings settings) {
		this.sessions = sessions;
		this.connectTimeoutNanos = settings.connectTimeout().toNanos();
		this.maxLagNanos = settings.outboundMaxLag().toNanos();
		this.heartbeatTtlFactor = settings.heartbeatTtlFactor();
	}

	@Override
	public void run() {
		long now = System.nanoTime();
		Instant wallClock = Instant.now();
		for (ClientConnection connection : this.sessions.connections()) {
			sweep(connection, now, wallClock);
		}
	}

	private void sweep(ClientConnection connection, long now, Instant wallClock) {
		connection.closeIfOverdue(now);
		long lag = connection.lagNanos(now);
		if (lag > this.maxLagNanos) {
			connection.closeAsSlowConsumer(ErrorFrame.slowConsumer(
					"frames waited over " + TimeUnit.NANOSECONDS.toMillis(this.maxLagNanos) + " ms to be written"));
			return;
		}
		ClientSession session = connection.session();
		if (session == null) {
			if (now - connection.openedAt() > this.connectTimeoutNanos) {
				connection.closeWithError(ErrorFrame.protocolError(
						"no CONNECT within " + TimeUnit.NANOSECONDS.toSeconds(this.connectTimeoutNanos) + " s"));
			}
			return;
		}
		if (session.isExpired(wallClock)) {
			connection.closeWithError(ErrorFrame.tokenExpired());
			return;
		}
		long incoming = session.incomingHeartbeatNanos();
		if (incoming > 0 && now - connection.lastReadAt() > incoming * this.heartbeatTtlFactor) {
			connection.closeWithError(ErrorFrame.heartbeatTimeout(
					"nothing received for " + TimeUnit.NANOSECONDS.toMillis(now - connection.lastReadAt()) + " ms"));
			return;
		}
		long outgoing = session.outgoingHeartbeatNanos();
		if (outgoing > 0 && now - connection.lastWriteAt() >= outgoing && lag == 0) {
			connection.offer(StompFrames.HEARTBEAT);
		}
	}

}
