package io.switchboard.user;

/**
 * An account's personal data was erased, in the transaction that erases it: features that
 * keep more about the user (notifications, settings) delete theirs.
 */
public record AccountErased(long userId) {

}
