package io.switchboard.broker;

/**
 * Handles what systems outside publish to the broker's inbound address, one message at a
 * time. A message is acknowledged once its handler returns: a handler that stores must
 * have committed by then, and must treat a message id seen before as a retry, because a
 * node that stops between the two gets the message again.
 */
public interface InboundMessageHandler {

	/**
	 * @param messageId the broker's id of the message, the same on every redelivery
	 * @param body the message's body as text
	 * @throws InboundMessageRejected if the message can never be handled: it moves to the
	 * dead-letter address with the reason
	 * @throws RuntimeException if it cannot be handled now: it is delivered again a
	 * second later
	 */
	void handle(String messageId, String body);

}
