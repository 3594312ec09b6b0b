package io.switchboard.user;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.accounts.*}.
 *
 * @param bootstrapAdmin the ADMIN created when the database has no user yet, so that a
 * fresh deployment has someone to sign in as
 */
@ConfigurationProperties("switchboard.accounts")
public record AccountSettings(@Nullable BootstrapAdmin bootstrapAdmin) {

	/**
	 * @param username the first admin's user name; unset, no admin is created
	 * @param password their password, at least 10 characters
	 */
	public record BootstrapAdmin(@Nullable String username, @Nullable String password) {

		@Override
		public String toString() {
			return "BootstrapAdmin[username=" + this.username + ", password=<hidden>]";
		}

	}

}
