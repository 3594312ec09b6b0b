package io.switchboard.broker;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Answers a frame's {@code receipt} header: the engine confirms SUBSCRIBE, UNSUBSCRIBE
 * and DISCONNECT, and {@link ReceiptOnCompletion} a SEND once its handler's result is
 * there.
 */
@Component
class StompReceipts {

	private final ClientSessions sessions;

	StompReceipts(ClientSessions sessions) {
		this.sessions = sessions;
	}

	/**
	 * Sends a RECEIPT for the frame to the session that sent it, if it asked for one.
	 */
	void confirm(Message<?> frame) {
		StompHeaderAccessor sent = StompHeaderAccessor.wrap(frame);
		String receipt = sent.getReceipt();
		String sessionId = sent.getSessionId();
		if (receipt == null || sessionId == null) {
			return;
		}
		ClientConnection connection = this.sessions.connection(sessionId);
		if (connection != null) {
			connection.offer(StompFrames.receipt(receipt));
		}
	}

}
