package io.switchboard.broker;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Answers a frame's {@code receipt} header: the engine confirms SUBSCRIBE, UNSUBSCRIBE
 * and DISCONNECT, a controller confirms a SEND itself once its change has committed.
 */
@Component
public class StompReceipts {

	private final ClientSessions sessions;

	StompReceipts(ClientSessions sessions) {
		this.sessions = sessions;
	}

	/**
	 * Sends a RECEIPT for the frame to the session that sent it, if it asked for one.
	 */
	public void confirm(Message<?> frame) {
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
