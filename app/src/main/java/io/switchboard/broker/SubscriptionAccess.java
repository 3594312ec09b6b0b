package io.switchboard.broker;

import java.security.Principal;

/**
 * Whether a user may still read a destination they subscribed to: asked again when their
 * access may have ended. Security provides it, with the rules that admitted the
 * subscription.
 */
public interface SubscriptionAccess {

	/**
	 * @return the reason the user may not read it, or {@code null} if they may
	 */
	@org.jspecify.annotations.Nullable
	String refusal(Principal user, String destination);

}
