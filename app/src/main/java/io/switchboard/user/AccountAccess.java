package io.switchboard.user;

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
	 * Whether a token with this version, issued for this account, is still good.
	 */
	public boolean accepts(int version) {
		return !this.disabled && version == this.tokenVersion;
	}

}
