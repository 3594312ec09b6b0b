package io.switchboard.broker;

import io.switchboard.system.ErrorCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Sends an error event about a refused frame to {@code /user/queue/errors} of the one
 * session that sent it; the user's other sessions are not bothered.
 */
@Component
public class StompErrors {

	private final ClientSessions sessions;

	private final NodeSubscriptions subscriptions;

	private final JsonMapper json;

	StompErrors(ClientSessions sessions, NodeSubscriptions subscriptions, JsonMapper json) {
		this.sessions = sessions;
		this.subscriptions = subscriptions;
		this.json = json;
	}

	public void refuse(Message<?> frame, ErrorCode code, String reason) {
		refuse(frame, code, reason, null);
	}

	public void refuse(Message<?> frame, ErrorCode code, String reason, @Nullable Long retryAfterMs) {
		StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
		String sessionId = headers.getSessionId();
		ClientSession session = (sessionId != null) ? this.sessions.session(sessionId) : null;
		if (session == null) {
			return;
		}
		send(session, new ErrorEvent(code, reason, headers.getDestination(), headers.getReceipt(),
				clientMessageId(frame.getPayload()), retryAfterMs));
	}

	void send(ClientSession session, ErrorEvent event) {
		this.subscriptions.deliverToSession(session, Destination.SessionQueue.ERRORS_QUEUE,
				this.json.writeValueAsBytes(event));
	}

	/**
	 * The refused payload's {@code clientMessageId}, if it is JSON that has one, so the
	 * client can tell which of its messages failed.
	 */
	private @Nullable String clientMessageId(Object payload) {
		if (!(payload instanceof byte[] bytes) || bytes.length == 0) {
			return null;
		}
		try {
			JsonNode id = this.json.readTree(bytes).get("clientMessageId");
			return (id != null && id.isString()) ? id.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
