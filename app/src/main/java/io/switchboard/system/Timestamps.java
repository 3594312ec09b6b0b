package io.switchboard.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

	/**
	 * The instant as a JDBC parameter for a {@code timestamp with time zone} column.
	 */
	public static OffsetDateTime forJdbc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
