package io.switchboard.limit;

import io.github.bucket4j.ConsumptionProbe;
import io.switchboard.system.RequestRefused;

/**
 * Whether a limit lets one more through, and if not, how long until it would.
 *
 * @param allowed within the limit
 * @param retryAfterMs when refused, the wait until a retry can succeed; 0 otherwise
 */
public record Decision(boolean allowed, long retryAfterMs) {

	public static final Decision ALLOWED = new Decision(true, 0);

	static Decision of(ConsumptionProbe probe) {
		return probe.isConsumed() ? ALLOWED
				: new Decision(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000));
	}

	/**
	 * @throws RequestRefused {@code rate_limited} with the wait, if refused
	 */
	public void orRefuse(String what) {
		if (!this.allowed) {
			throw RequestRefused.rateLimited(what + ": rate limit reached, retry in " + this.retryAfterMs + " ms",
					this.retryAfterMs);
		}
	}

}
