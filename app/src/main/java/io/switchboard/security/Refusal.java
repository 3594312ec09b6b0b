package io.switchboard.security;

import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A denied authorization that says why, for the error event the client receives.
 */
final class Refusal extends AuthorizationDecision {

	private final String reason;

	Refusal(String reason) {
		super(false);
		this.reason = reason;
	}

	String reason() {
		return this.reason;
	}

}
