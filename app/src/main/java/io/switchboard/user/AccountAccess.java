package io.switchboard.user;

import org.jspecify.annotations.Nullable;

/**
 * An account as authentication sees it: who it is, with its current roles, and whether a
 * token issued for it still counts.
 *
 * @param user the user, with the roles the account has now
 * @param disabled an admin disabled the account: no token of it counts
 * @param tokenVersion only tokens carrying this version count; a password change, a
 * disable and an erasure raise it
 */
public record AccountAccess(CurrentUser user, boolean disabled, int tokenVersion) {

	/**
	 * Why a token issued for this account no longer counts, or {@code null} if it does:
	 * the one answer for a new request and for an open session alike.
	 * @param version the token's version, or {@code null} for an external issuer's token,
	 * which has none
	 */
	public @Nullable String refusal(@Nullable Integer version) {
		if (this.disabled) {
			return "the account is disabled";
		}
		if (version != null && version != this.tokenVersion) {
			return "the token was issued before the account's password changed";
		}
		return null;
	}

}
