package io.switchboard.test;

import io.switchboard.user.CurrentUser;

/**
 * A user made for one test, with a valid access token.
 */
public record TestUser(CurrentUser user, String token) {

	public long id() {
		return this.user.id();
	}

	public String username() {
		return this.user.username();
	}

}
