package io.switchboard.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps at the precision the database keeps, so that an event built before commit
 * and the same row read back later show the same time.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
