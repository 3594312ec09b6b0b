package io.switchboard.system;

import org.jspecify.annotations.Nullable;

/**
 * A request that a domain rule refuses, with the error code the client sees and a message
 * a person can read.
 */
public class RequestRefused extends RuntimeException {

	private final ErrorCode code;

	private final @Nullable Long retryAfterMs;

	public RequestRefused(ErrorCode code, String message) {
		this(code, message, null);
	}

	private RequestRefused(ErrorCode code, String message, @Nullable Long retryAfterMs) {
		super(message);
		this.code = code;
		this.retryAfterMs = retryAfterMs;
	}

	public ErrorCode code() {
		return this.code;
	}

	/**
	 * How long the client should wait before it tries again, when waiting helps.
	 */
	public @Nullable Long retryAfterMs() {
		return this.retryAfterMs;
	}

	public static RequestRefused badRequest(String message) {
		return new RequestRefused(ErrorCode.BAD_REQUEST, message);
	}

	public static RequestRefused forbidden(String message) {
		return new RequestRefused(ErrorCode.FORBIDDEN, message);
	}

	public static RequestRefused notFound(String message) {
		return new RequestRefused(ErrorCode.NOT_FOUND, message);
	}

	public static RequestRefused conflict(String message) {
		return new RequestRefused(ErrorCode.CONFLICT, message);
	}

	public static RequestRefused rateLimited(String message, long retryAfterMs) {
		return new RequestRefused(ErrorCode.RATE_LIMITED, message, retryAfterMs);
	}

	public static RequestRefused unavailable(String message, long retryAfterMs) {
		return new RequestRefused(ErrorCode.UNAVAILABLE, message, retryAfterMs);
	}

}
