package io.switchboard.security;

import io.switchboard.system.ErrorCode;

import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A denied authorization that says why, for the error event the client receives:
 * {@code forbidden} unless told otherwise.
 */
final class Refusal extends AuthorizationDecision {

	private final ErrorCode code;

	private final String reason;

	Refusal(String reason) {
		this(ErrorCode.FORBIDDEN, reason);
	}

	Refusal(ErrorCode code, String reason) {
		super(false);
		this.code = code;
		this.reason = reason;
	}

	ErrorCode code() {
		return this.code;
	}

	String reason() {
		return this.reason;
	}

}
