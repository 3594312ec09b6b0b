package io.switchboard.broker;

/**
 * An inbound message that can never be handled, and why: the reason travels with it to
 * the dead-letter address. Carries no stack trace, as it is the sender's mistake.
 */
public class InboundMessageRejected extends RuntimeException {

	public InboundMessageRejected(String reason) {
		super(reason, null, false, false);
	}

}
