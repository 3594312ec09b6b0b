package io.switchboard.user;

/**
 * How many of a user's notifications are unread, for {@code /api/me}. Notifications are
 * another feature's, so it provides this.
 */
public interface UnreadNotifications {

	long unreadCount(long userId);

}
