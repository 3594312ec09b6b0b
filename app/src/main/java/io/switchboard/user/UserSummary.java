package io.switchboard.user;

/**
 * How a user appears inside other payloads, e.g. a message's sender.
 */
public record UserSummary(long id, String username, String displayName) {

}
