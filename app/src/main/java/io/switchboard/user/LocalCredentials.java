package io.switchboard.user;

import org.jspecify.annotations.Nullable;

/**
 * A built-in account as the token endpoint sees it: who it is, the hash to check a
 * password against ({@code null} for accounts that cannot log in with a password), and
 * whether a token may be issued for it.
 */
public record LocalCredentials(AccountAccess account, @Nullable String passwordHash) {

	public CurrentUser user() {
		return this.account.user();
	}

}
