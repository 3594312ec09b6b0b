package io.switchboard.user;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in user's own account, as {@code /api/me} shows it.
 */
public record Profile(long id, String username, String displayName, @Nullable String avatarUrl, Set<Role> roles,
		Workspace workspace, long unreadNotifications) {

	/**
	 * @param roles the roles the user holds now: the account's, or an external issuer's
	 * @param unreadNotifications the user's unread notifications, for a badge
	 */
	static Profile of(UserAccount account, Set<Role> roles, Workspace workspace, long unreadNotifications) {
		return new Profile(account.id(), account.username(), account.displayName(), account.avatarUrl(), roles,
				workspace, unreadNotifications);
	}

}
