package io.switchboard.notification;

import java.time.Instant;

import io.switchboard.system.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A stored notification of one user.
 */
@Entity
@Table(name = "notifications")
class Notification {

	// From a sequence, so that many notifications are inserted in one JDBC batch.
	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_ids")
	@SequenceGenerator(name = "notification_ids", sequenceName = "notification_ids", allocationSize = 50)
	private @Nullable Long id;

	@Column(name = "user_id", nullable = false)
	private long userId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private NotificationKind kind;

	@Column(nullable = false)
	private String title;

	@Column(nullable = false)
	private String body;

	/** A JSON object, kept as text: only ever handed back to the client whole. */
	@Column(nullable = false)
	private String data;

	/** The message it is about, if any: an edit or a delete changes its body. */
	@Column(name = "message_id")
	private @Nullable Long messageId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "read_at")
	private @Nullable Instant readAt;

	protected Notification() {
		this.kind = NotificationKind.SYSTEM;
		this.title = "";
		this.body = "";
		this.data = "{}";
		this.createdAt = Instant.EPOCH;
	}

	Notification(long userId, NotificationKind kind, String title, String body, String data, @Nullable Long messageId) {
		this.userId = userId;
		this.messageId = messageId;
		this.kind = kind;
		this.title = title;
		this.body = body;
		this.data = data;
		this.createdAt = Timestamps.now();
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("notification not stored yet");
		}
		return this.id;
	}

	long userId() {
		return this.userId;
	}

	NotificationKind kind() {
		return this.kind;
	}

	String title() {
		return this.title;
	}

	String body() {
		return this.body;
	}

	String data() {
		return this.data;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	@Nullable Instant readAt() {
		return this.readAt;
	}

	void markRead(Instant when) {
		if (this.readAt == null) {
			this.readAt = when;
		}
	}

}
