package io.switchboard.broker;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame for a protocol violation, such as garbage bytes or an oversized frame,
 * sent before the offender's connection is closed. Its {@code message} header starts with
 * {@code protocol error}.
 */
class ProtocolErrorFrames extends StompSubProtocolErrorHandler {

	private static final byte[] EMPTY = new byte[0];

	@Override
	public Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage, Throwable ex) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage("protocol error: " + ex.getMessage());
		error.setLeaveMutable(true);
		String receipt = (clientMessage != null) ? StompHeaderAccessor.wrap(clientMessage).getReceipt() : null;
		if (receipt != null) {
			error.setReceiptId(receipt);
		}
		return MessageBuilder.createMessage(EMPTY, error.getMessageHeaders());
	}

}
