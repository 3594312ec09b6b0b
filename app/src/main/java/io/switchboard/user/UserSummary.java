package io.switchboard.user;

import org.jspecify.annotations.Nullable;

/**
 * How a user appears inside other payloads, e.g. a message's sender.
 *
 * @param badge the user's badge with the highest priority, or {@code null}
 */
public record UserSummary(long id, String username, String displayName, @Nullable BadgeLabel badge) {

}
