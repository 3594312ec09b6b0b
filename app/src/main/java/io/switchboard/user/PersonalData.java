package io.switchboard.user;

import tools.jackson.core.JsonGenerator;

/**
 * One feature's part of a user's data export ({@code GET /api/me/export}): each feature
 * that stores something about a user contributes a section, so a new feature adds a
 * section rather than a change to the export.
 */
public interface PersonalData {

	/**
	 * The section's member name in the export document, e.g. {@code "messages"}.
	 */
	String section();

	/**
	 * Writes the section's value, typically an array, without holding all of it in memory
	 * at once.
	 */
	void write(long userId, JsonGenerator out);

}
