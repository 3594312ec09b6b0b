package io.switchboard.bench;

/**
 * An option the bench cannot use: exit status 64, as for any command-line tool misused.
 */
final class UsageError extends BenchFailure {

	UsageError(String message) {
		super(message);
	}

}
