package io.switchboard.broker;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame for a protocol violation, such as garbage bytes or an oversized frame,
 * sent before the offender's connection is closed. Its {@code message} header is
 * {@code protocol error}; the body says what was wrong.
 */
class ProtocolErrorFrames extends StompSubProtocolErrorHandler {

	@Override
	public Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage, Throwable ex) {
		String receipt = (clientMessage != null) ? StompHeaderAccessor.wrap(clientMessage).getReceipt() : null;
		return ErrorFrame.protocolError(String.valueOf(ex.getMessage())).toMessage(null, receipt);
	}

}
