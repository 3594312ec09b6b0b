package io.switchboard.attachment;

import java.time.Instant;

import io.switchboard.channel.event.AttachmentView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded file's description. Its bytes are not mapped here: the storage reads and
 * writes them, so loading an attachment never loads its content.
 */
@Entity
@Table(name = "attachments")
class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "channel_id", nullable = false)
	private long channelId;

	@Column(name = "uploader_id", nullable = false)
	private long uploaderId;

	@Column(nullable = false)
	private String name;

	@Column(name = "content_type", nullable = false)
	private String contentType;

	@Column(nullable = false)
	private long size;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "message_id")
	private @Nullable Long messageId;

	protected Attachment() {
		this.name = "";
		this.contentType = "";
		this.createdAt = Instant.EPOCH;
	}

	Attachment(long channelId, long uploaderId, String name, String contentType, long size, Instant createdAt) {
		this.channelId = channelId;
		this.uploaderId = uploaderId;
		this.name = name;
		this.contentType = contentType;
		this.size = size;
		this.createdAt = createdAt;
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("attachment not stored yet");
		}
		return this.id;
	}

	long channelId() {
		return this.channelId;
	}

	long uploaderId() {
		return this.uploaderId;
	}

	String name() {
		return this.name;
	}

	String contentType() {
		return this.contentType;
	}

	long size() {
		return this.size;
	}

	@Nullable Long messageId() {
		return this.messageId;
	}

	AttachmentView view() {
		return new AttachmentView(id(), this.name, this.contentType, this.size);
	}

	/**
	 * Sent with a message. Written when the batch flushes, after the message's insert,
	 * which Hibernate orders before updates.
	 */
	void attachTo(long messageId) {
		this.messageId = messageId;
	}

}
