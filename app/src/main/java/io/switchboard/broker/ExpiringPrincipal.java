package io.switchboard.broker;

import java.security.Principal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A session's user whose credentials run out: the session closes when they do, even if
 * its client only listens.
 */
public interface ExpiringPrincipal extends Principal {

	@Nullable Instant expiresAt();

}
