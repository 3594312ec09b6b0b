package io.switchboard.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every REST failure into {@code application/problem+json} with the wire error code
 * as the {@code code} member.
 */
@RestControllerAdvice
class RestErrorHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(RestErrorHandler.class);

	@ExceptionHandler(RequestRefused.class)
	ProblemDetail refused(RequestRefused ex) {
		ProblemDetail problem = ProblemDetails.of(ex.code(), ex.getMessage());
		if (ex.retryAfterMs() != null) {
			problem.setProperty("retryAfterMs", ex.retryAfterMs());
		}
		return problem;
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class })
	ProblemDetail unavailable(Exception ex) {
		logger.warn("Storage unavailable: {}", ex.getMessage());
		return ProblemDetails.of(ErrorCode.UNAVAILABLE, "storage is unavailable; safe to retry");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail internal(Exception ex) {
		logger.error("Unexpected failure", ex);
		return ProblemDetails.of(ErrorCode.INTERNAL, "internal error");
	}

	/**
	 * Spring MVC's own errors (malformed JSON, failed validation, unknown path) keep
	 * their status and gain the wire code.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			problem.setProperty("code", codeFor(statusCode).wireName());
		}
		return response;
	}

	private static ErrorCode codeFor(HttpStatusCode status) {
		for (ErrorCode code : ErrorCode.values()) {
			if (code.status().value() == status.value()) {
				return code;
			}
		}
		return status.is4xxClientError() ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL;
	}

}
