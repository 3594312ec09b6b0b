package io.switchboard.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notification as {@code /user/queue/notifications} and {@code /api/notifications} show
 * it (PROTOCOL.md section 6).
 */
record NotificationView(String type, long id, NotificationKind kind, String title, String body, JsonNode data,
		Instant createdAt, @Nullable Instant readAt) {

	static NotificationView of(Notification notification, JsonMapper json) {
		return of(notification, json.readTree(notification.data()));
	}

	static NotificationView of(Notification notification, JsonNode data) {
		return new NotificationView("notification", notification.id(), notification.kind(), notification.title(),
				notification.body(), data, notification.createdAt(), notification.readAt());
	}

}
