package io.switchboard.user;

/**
 * How long a password of a built-in account may be.
 */
public final class Passwords {

	public static final int MIN_LENGTH = 10;

	/** bcrypt reads at most 72 bytes; a longer limit only bounds the request. */
	public static final int MAX_LENGTH = 256;

	private Passwords() {
	}

}
