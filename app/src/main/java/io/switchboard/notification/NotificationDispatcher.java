package io.switchboard.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.broker.Fanout;
import io.switchboard.message.MessageContentChanged;
import io.switchboard.message.MessagePosted;
import io.switchboard.channel.event.MessageView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores notifications and delivers them to every open session of their user, after the
 * transaction that stored them commits.
 */
@Component
class NotificationDispatcher {

	private static final int PREVIEW_LENGTH = 200;

	private final NotificationRepository notifications;

	private final Fanout fanout;

	private final JsonMapper json;

	NotificationDispatcher(NotificationRepository notifications, Fanout fanout, JsonMapper json) {
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

	private void deliverAfterCommit(List<Notification> stored) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				stored.forEach(NotificationDispatcher.this::deliver);
			}

		});
	}

	private void deliver(Notification notification) {
		NotificationView view = NotificationView.of(notification, this.json);
		this.fanout.publishNotification(notification.userId(), view);
	}

	private static String preview(String content) {
		if (content.codePointCount(0, content.length()) <= PREVIEW_LENGTH) {
			return content;
		}
		return content.substring(0, content.offsetByCodePoints(0, PREVIEW_LENGTH - 1)) + "…";
	}

}
