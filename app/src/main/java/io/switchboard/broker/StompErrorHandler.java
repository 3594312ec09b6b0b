package io.switchboard.broker;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.InvalidInput;
import io.switchboard.system.RequestRefused;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns a failed STOMP SEND into an error event for its sender. The session stays open: a
 * bad payload is the client's mistake, not a protocol violation.
 */
@ControllerAdvice
class StompErrorHandler {

	private static final Logger logger = LoggerFactory.getLogger(StompErrorHandler.class);

	private final StompErrors errors;

	private final InvalidInput invalid;

	StompErrorHandler(StompErrors errors, InvalidInput invalid) {
		this.errors = errors;
		this.invalid = invalid;
	}

	@MessageExceptionHandler(RequestRefused.class)
	void refused(RequestRefused ex, Message<?> frame) {
		this.errors.refuse(frame, ex.code(), ex.getMessage(), ex.retryAfterMs());
	}

	@MessageExceptionHandler(MethodArgumentNotValidException.class)
	void invalid(MethodArgumentNotValidException ex, Message<?> frame) {
		String reason = (ex.getBindingResult() == null) ? "invalid payload"
				: this.invalid.fieldErrors(ex.getBindingResult());
		this.errors.refuse(frame, ErrorCode.BAD_REQUEST, reason);
	}

	@MessageExceptionHandler(MessageConversionException.class)
	void unreadable(MessageConversionException ex, Message<?> frame) {
		this.errors.refuse(frame, ErrorCode.BAD_REQUEST, this.invalid.unreadable(ex));
	}

	@MessageExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class })
	void unavailable(Exception ex, Message<?> frame) {
		logger.warn("Storage unavailable: {}", ex.getMessage());
		this.errors.refuse(frame, ErrorCode.UNAVAILABLE, "storage is unavailable; safe to retry");
	}

	@MessageExceptionHandler(Exception.class)
	void internal(Exception ex, Message<?> frame) {
		logger.error("Unexpected failure handling a STOMP frame", ex);
		this.errors.refuse(frame, ErrorCode.INTERNAL, "internal error");
	}

}
