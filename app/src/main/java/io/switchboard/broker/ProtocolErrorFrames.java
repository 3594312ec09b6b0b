package io.switchboard.broker;

import io.switchboard.system.RefusalLog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame for a protocol violation, such as garbage bytes or an oversized frame,
 * sent before the offender's connection is closed. Its {@code message} header is
 * {@code protocol error}; the body says what was wrong.
 * <p>
 * Every failure to take a client's frame comes here, so this logs it, in place of
 * Spring's handler, which would write each one with its stack trace: a client's garbage
 * is one line, few a minute; anything else is the server's fault and keeps its trace.
 */
class ProtocolErrorFrames extends StompSubProtocolErrorHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProtocolErrorFrames.class);

	private static final RefusalLog refusals = new RefusalLog(ProtocolErrorFrames.class);

	@Override
	public Message<byte[]> handleClientMessageProcessingError(@Nullable Message<byte[]> clientMessage, Throwable ex) {
		StompHeaderAccessor frame = (clientMessage != null) ? StompHeaderAccessor.wrap(clientMessage) : null;
		String sessionId = (frame != null) ? frame.getSessionId() : null;
		if (arrivedAfterClose(ex)) {
			// Read off the socket before the session was closed for an earlier frame:
			// nobody is left to answer, and nothing went wrong.
			logger.debug("Dropping a frame of closed STOMP session {}", sessionId);
		}
		else if (clientsFault(ex)) {
			refusals.info("Closing STOMP session {}: protocol error: {}", (sessionId != null) ? sessionId : "(new)",
					ex.getMessage());
		}
		else {
			logger.error("Closing STOMP session {}: its frame could not be handled", sessionId, ex);
		}
		return ErrorFrame.protocolError(String.valueOf(ex.getMessage()))
			.toMessage(null, (frame != null) ? frame.getReceipt() : null);
	}

	/**
	 * Spring's handler has already forgotten the session's decoder: the session is
	 * closed.
	 */
	private static boolean arrivedAfterClose(Throwable ex) {
		return ex instanceof IllegalStateException && ex.getMessage() != null
				&& ex.getMessage().startsWith("No decoder for session id");
	}

	/**
	 * Frames that cannot be decoded, or that are not STOMP.
	 */
	private static boolean clientsFault(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StompConversionException || cause instanceof IllegalArgumentException) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

}
