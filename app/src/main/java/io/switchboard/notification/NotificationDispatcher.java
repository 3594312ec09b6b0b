package io.switchboard.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.broker.Fanout;
import io.switchboard.channel.event.MessageView;
import io.switchboard.message.MessageContentChanged;
import io.switchboard.message.MessagePosted;
import io.switchboard.system.AfterCommit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stores notifications and delivers them to every open session of their user, after the
 * transaction that stored them commits, through the {@link NotificationDeliveryQueue}.
 */
@Component
class NotificationDispatcher {

	private static final int PREVIEW_LENGTH = 200;

	private final NotificationRepository notifications;

	private final Fanout fanout;

	private final JsonMapper json;

	private final NotificationPreferences preferences;

	private final NotificationDeliveryQueue deliveries;

	NotificationDispatcher(NotificationRepository notifications, Fanout fanout, JsonMapper json,
			NotificationPreferences preferences, NotificationDeliveryQueue deliveries) {
		this.deliveries = deliveries;
		this.preferences = preferences;
		this.notifications = notifications;
		this.fanout = fanout;
		this.json = json;
	}

	/**
	 * Runs inside the transaction that stores the message, so a message and its
	 * notifications are stored together or not at all.
	 */
	@EventListener
	void on(MessagePosted posted) {
		MessageView message = posted.message();
		String data = this.json.writeValueAsString(Map.of("channelId", message.channelId(), "messageId", message.id()));
		String body = preview(message.content());
		List<Notification> stored = new ArrayList<>();
		if (posted.channelType().isConversation()) {
			for (long recipient : posted.recipients()) {
				stored.add(new Notification(recipient, NotificationKind.DIRECT_MESSAGE,
						"Message from " + message.sender().displayName(), body, data, message.id()));
			}
		}
		else {
			for (long mentioned : posted.mentioned()) {
				stored.add(new Notification(mentioned, NotificationKind.MENTION,
						message.sender().displayName() + " mentioned you", body, data, message.id()));
			}
		}
		store(stored);
	}

	/**
	 * Stores the notifications in the current transaction, in JDBC batches, and delivers
	 * them once it commits.
	 */
	void store(List<Notification> stored) {
		if (!stored.isEmpty()) {
			this.notifications.saveAll(stored);
			deliverAfterCommit(stored);
		}
	}

	/**
	 * Runs inside the transaction that edits or deletes the message: a deleted message's
	 * notifications quote nothing of it from then on.
	 */
	@EventListener
	void on(MessageContentChanged changed) {
		this.notifications.requote(changed.messageId(), preview(changed.content()));
	}

	/**
	 * Delivers after commit to the recipients who have not switched the kind off; the
	 * others find it in their inbox. Who switched off is read now, in one query.
	 */
	private void deliverAfterCommit(List<Notification> stored) {
		Map<NotificationKind, Set<Long>> off = new EnumMap<>(NotificationKind.class);
		stored.stream()
			.map(Notification::kind)
			.distinct()
			.forEach((kind) -> off.put(kind, this.preferences.switchedOff(kind,
					stored.stream().filter((n) -> n.kind() == kind).map(Notification::userId).toList())));
		List<Notification> live = stored.stream()
			.filter((notification) -> !off.get(notification.kind()).contains(notification.userId()))
			.toList();
		AfterCommit.run(() -> this.deliveries.submit(() -> deliver(live)));
	}

	/**
	 * A publisher's notification carries the same data to thousands: it is read once.
	 */
	private void deliver(List<Notification> live) {
		Map<String, JsonNode> data = new HashMap<>();
		for (Notification notification : live) {
			NotificationView view = NotificationView.of(notification,
					data.computeIfAbsent(notification.data(), this.json::readTree));
			this.fanout.publishNotification(notification.userId(), view);
		}
	}

	private static String preview(String content) {
		if (content.codePointCount(0, content.length()) <= PREVIEW_LENGTH) {
			return content;
		}
		return content.substring(0, content.offsetByCodePoints(0, PREVIEW_LENGTH - 1)) + "…";
	}

}
