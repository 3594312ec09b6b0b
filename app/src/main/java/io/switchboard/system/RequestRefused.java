package io.switchboard.system;

/**
 * A request that a domain rule refuses, with the error code the client sees and a message
 * a person can read.
 */
public class RequestRefused extends RuntimeException {

	private final ErrorCode code;

	public RequestRefused(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public ErrorCode code() {
		return this.code;
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

}
