package io.switchboard.bench.idle;

import org.jspecify.annotations.Nullable;

/**
 * The server's live heap with a number of idle sessions open.
 *
 * @param sessions sessions the step asked for
 * @param open sessions that were connected and subscribed when the heap was read
 * @param heapBefore live heap in bytes with no bench session open
 * @param heapAfter live heap in bytes with {@code open} sessions, or -1 if not read
 * @param problem what went wrong, if anything did
 */
public record IdleSessionResult(int sessions, int open, long heapBefore, long heapAfter, @Nullable String problem) {

	/**
	 * Heap per open session in KB, or NaN when it could not be measured.
	 */
	public double heapPerSessionKb() {
		if (this.open == 0 || this.heapAfter < 0) {
			return Double.NaN;
		}
		return (this.heapAfter - this.heapBefore) / (double) this.open / 1024;
	}

}
