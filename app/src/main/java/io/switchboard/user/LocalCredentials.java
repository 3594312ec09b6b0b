package io.switchboard.user;

import org.jspecify.annotations.Nullable;

/**
 * A built-in account as the token endpoint sees it: who it is and the hash to check a
 * password against ({@code null} for accounts that cannot log in with a password).
 */
public record LocalCredentials(CurrentUser user, @Nullable String passwordHash) {

}
