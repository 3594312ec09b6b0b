package io.switchboard.security;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * Builds the ERROR frame sent before a STOMP connection is closed. Its {@code message}
 * header says why in words a client can act on: an authentication failure starts with
 * {@code unauthorized}, anything else is a protocol violation.
 */
class StompErrorFrames extends StompSubProtocolErrorHandler {

	private static final byte[] EMPTY = new byte[0];

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason(ex));
		error.setLeaveMutable(true);
		if (clientMessage != null) {
			String receipt = StompHeaderAccessor.wrap(clientMessage).getReceipt();
			if (receipt != null) {
				error.setReceiptId(receipt);
			}
		}
		return MessageBuilder.createMessage(EMPTY, error.getMessageHeaders());
	}

	private static String reason(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof AuthenticationException) {
				return cause.getMessage();
			}
		}
		return "protocol error: " + ex.getMessage();
	}

}
