package io.switchboard.bench.stomp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The sessions a {@link SessionOpener} got ready, and why the others did not get there.
 *
 * @param sessions connected, with every subscription confirmed
 * @param failed how many did not
 * @param firstFailure what went wrong first, if anything did
 */
public record OpenedSessions(List<StompSession> sessions, int failed, @Nullable String firstFailure) {

	/**
	 * Sessions the server has ended since they were opened.
	 */
	public List<StompSession> lost() {
		return this.sessions.stream().filter((session) -> session.lostReason() != null).toList();
	}

	/**
	 * Closes every session and waits, a bounded time, for the connections to end.
	 */
	public void closeAll() {
		CompletableFuture<?>[] closing = this.sessions.stream()
			.map(StompSession::close)
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(closing).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// Connections the server is slow to close are its business; the bench moves
			// on.
		}
	}

}
