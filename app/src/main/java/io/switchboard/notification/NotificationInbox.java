package io.switchboard.notification;

import java.util.List;

import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import io.switchboard.user.UnreadNotifications;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's stored notifications: paging through them and marking them read.
 */
@Service
class NotificationInbox implements UnreadNotifications {

	private final NotificationRepository notifications;

	private final JsonMapper json;

	@Override
	@Transactional(readOnly = true)
	public long unreadCount(long userId) {
		return this.notifications.countByUserIdAndReadAtIsNull(userId);
	}

	NotificationInbox(NotificationRepository notifications, JsonMapper json) {
		this.notifications = notifications;
		this.json = json;
	}

	/**
	 * Newest first, before the notification id {@code beforeId}.
	 */
	@Transactional(readOnly = true)
	NotificationPage page(long userId, boolean unreadOnly, long beforeId, int limit) {
		List<Notification> page = unreadOnly
				? this.notifications.findByUserIdAndIdLessThanAndReadAtIsNullOrderByIdDesc(userId, beforeId,
						Limit.of(limit))
				: this.notifications.findByUserIdAndIdLessThanOrderByIdDesc(userId, beforeId, Limit.of(limit));
		return new NotificationPage(page.stream().map((n) -> NotificationView.of(n, this.json)).toList(),
				this.notifications.countByUserIdAndReadAtIsNull(userId));
	}

	@Transactional
	void markRead(long userId, long notificationId) {
		this.notifications.findByIdAndUserId(notificationId, userId)
			.orElseThrow(() -> RequestRefused.notFound("no notification " + notificationId))
			.markRead(Timestamps.now());
	}

	@Transactional
	void markAllRead(long userId) {
		this.notifications.markAllRead(userId, Timestamps.now());
	}

	/**
	 * @param notifications the page, newest first
	 * @param unreadCount all of the user's unread notifications, for a badge
	 */
	record NotificationPage(List<NotificationView> notifications, long unreadCount) {

	}

}
