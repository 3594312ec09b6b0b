package io.switchboard.user;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An account as its admins see it.
 */
public record AccountView(long id, String username, String displayName, @Nullable String avatarUrl, Set<Role> roles,
		boolean disabled, Instant createdAt) {

	static AccountView of(UserAccount account) {
		return new AccountView(account.id(), account.username(), account.displayName(), account.avatarUrl(),
				account.roles(), account.disabled(), account.createdAt());
	}

}
