package io.switchboard.user;

import java.util.Set;

/**
 * The authenticated user of an HTTP request or a STOMP session.
 *
 * @param id the stable user id
 * @param username the unique user name, used for mentions
 * @param displayName the name shown to people
 * @param roles the server-wide roles granted by the token
 * @param workspaceId the user's workspace: everything they see belongs to it
 */
public record CurrentUser(long id, String username, String displayName, Set<Role> roles, long workspaceId) {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/**
	 * The user as the session or request knows them, without a badge.
	 */
	public UserSummary summary() {
		return new UserSummary(this.id, this.username, this.displayName, null);
	}

}
