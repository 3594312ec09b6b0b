package io.switchboard.broker;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * Whether a session's user may still be signed in with the token the session opened with:
 * asked again when an admin disables the account or its password changes. Security
 * provides it.
 */
public interface SessionAccess {

	/**
	 * @return why the session must end, or {@code null} if it may go on
	 */
	@Nullable String refusal(Principal user);

}
