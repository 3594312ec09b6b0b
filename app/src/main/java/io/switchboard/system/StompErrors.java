package io.switchboard.system;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Sends an error event about a refused frame to {@code /user/queue/errors} of the one
 * session that sent it; the user's other sessions are not bothered.
 */
@Component
public class StompErrors {

	public static final String QUEUE = "/queue/errors";

	private final SimpMessageSendingOperations broker;

	private final JsonMapper json;

	StompErrors(SimpMessageSendingOperations broker, JsonMapper json) {
		this.broker = broker;
		this.json = json;
	}

	public void refuse(Message<?> frame, ErrorCode code, String reason) {
		StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
		Principal user = headers.getUser();
		String sessionId = headers.getSessionId();
		if (user == null || sessionId == null) {
			return;
		}
		ErrorEvent event = new ErrorEvent(code, reason, headers.getDestination(), headers.getReceipt(),
				clientMessageId(frame.getPayload()));
		SimpMessageHeaderAccessor target = SimpMessageHeaderAccessor.create();
		target.setSessionId(sessionId);
		target.setLeaveMutable(true);
		this.broker.convertAndSendToUser(user.getName(), QUEUE, event, target.getMessageHeaders());
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
