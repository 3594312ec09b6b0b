package io.switchboard.user;

import org.jspecify.annotations.Nullable;

/**
 * A user as the directory lists them, for finding someone to message or mention.
 */
public record DirectoryEntry(long id, String username, String displayName, @Nullable String avatarUrl) {

	static DirectoryEntry of(UserAccount account) {
		return new DirectoryEntry(account.id(), account.username(), account.displayName(), account.avatarUrl());
	}

}
