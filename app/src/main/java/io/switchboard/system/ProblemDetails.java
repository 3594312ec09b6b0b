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

}
