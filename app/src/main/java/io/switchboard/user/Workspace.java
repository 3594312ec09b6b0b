package io.switchboard.user;

/**
 * A workspace: users, channels and badges belong to exactly one, and nothing of one is
 * visible from another.
 */
public record Workspace(long id, String name) {

	/** Built-in accounts' workspace unless an admin of another created them. */
	public static final String DEFAULT = "default";

}
