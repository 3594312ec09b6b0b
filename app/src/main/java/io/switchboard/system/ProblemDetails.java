package io.switchboard.system;

import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem bodies of REST errors, with the wire error code as the
 * {@code code} member.
 */
public final class ProblemDetails {

	private ProblemDetails() {
	}

	public static ProblemDetail of(ErrorCode code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
		problem.setProperty("code", code.wireName());
		return problem;
	}

	/**
	 * A problem that waiting fixes: the body says how long in milliseconds, as the STOMP
	 * error event does.
	 */
	public static ProblemDetail of(ErrorCode code, String detail, long retryAfterMs) {
		ProblemDetail problem = of(code, detail);
		problem.setProperty("retryAfterMs", retryAfterMs);
		return problem;
	}

	/**
	 * The {@code Retry-After} header's whole seconds for a wait, rounded up.
	 */
	public static String retryAfterHeader(long retryAfterMs) {
		return Long.toString(Math.max(1, (retryAfterMs + 999) / 1000));
	}

}
