package io.switchboard.notification;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A notification a publisher sends to many users at once, as {@code POST
 * /api/notifications} carries it (PROTOCOL.md section 6).
 *
 * @param recipients the users' ids, 1 to {@value NotificationPublisher#MAX_RECIPIENTS}
 * @param kind {@link NotificationKind#TRADE} or {@link NotificationKind#SYSTEM}
 * @param title 1 to 200 characters
 * @param body 1 to 1,000 characters
 * @param data any JSON object of at most 8 KiB as UTF-8, handed to the client as it is;
 * none is an empty object
 */
public record Publication(List<Long> recipients, NotificationKind kind, String title, String body,
		@Nullable Map<String, Object> data) {

}
