package io.switchboard.system;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The error codes of the wire contract (PROTOCOL.md section 5), each with its HTTP
 * status.
 */
public enum ErrorCode {

	BAD_REQUEST(HttpStatus.BAD_REQUEST), UNAUTHORIZED(HttpStatus.UNAUTHORIZED), FORBIDDEN(HttpStatus.FORBIDDEN),
	NOT_FOUND(HttpStatus.NOT_FOUND), CONFLICT(HttpStatus.CONFLICT), RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE), INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR);

	private final HttpStatus status;

	ErrorCode(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return this.status;
	}

	/**
	 * The code for a status no handler named one for: the code of that status, else
	 * {@code bad_request} for any other client error (405, 406, 413, 415, ...) and
	 * {@code internal} for the rest.
	 */
	public static ErrorCode of(HttpStatusCode status) {
		for (ErrorCode code : values()) {
			if (code.status.value() == status.value()) {
				return code;
			}
		}
		return status.is4xxClientError() ? BAD_REQUEST : INTERNAL;
	}

	/**
	 * The code as it appears on the wire, e.g. {@code bad_request}.
	 */
	public String wireName() {
		return WireNames.of(this);
	}

}
