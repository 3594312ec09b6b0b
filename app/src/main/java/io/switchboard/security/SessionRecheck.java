package io.switchboard.security;

import java.security.Principal;
import java.util.Optional;

import io.switchboard.broker.SessionAccess;
import io.switchboard.user.AccountAccess;
import io.switchboard.user.UserDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks a session's token against its account as it is now, as the next request with
 * that token would be checked.
 */
@Component
class SessionRecheck implements SessionAccess {

	private final UserDirectory users;

	SessionRecheck(UserDirectory users) {
		this.users = users;
	}

	@Override
	public @Nullable String refusal(Principal user) {
		if (!(user instanceof UserAuthentication authentication)) {
			return "not signed in";
		}
		Optional<AccountAccess> account = this.users.account(authentication.user().id());
		if (account.isEmpty()) {
			return "the account no longer exists";
		}
		Integer version = authentication.tokenVersion();
		String refusal = account.get().refusal(version);
		if (refusal != null || version == null) {
			// An external issuer's token has no version, and its roles are the issuer's,
			// not the account's.
			return refusal;
		}
		if (!account.get().user().roles().equals(authentication.user().roles())) {
			// The session reconnects with the same token and gets the roles as they are.
			return "the account's roles changed";
		}
		return null;
	}

}
