package io.switchboard.bench;

/**
 * The run cannot go on, for a reason the message states in full: no server, no database,
 * a bad option.
 */
public class BenchFailure extends RuntimeException {

	public BenchFailure(String message) {
		super(message);
	}

}
