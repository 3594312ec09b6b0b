package io.switchboard.message;

import java.time.Instant;
import java.util.List;

import io.switchboard.channel.event.AttachmentView;
import io.switchboard.channel.event.MessageView;
import io.switchboard.channel.event.ReactionView;
import io.switchboard.user.UserSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A stored message. {@code seq} is the channel sequence number its creation took and
 * {@code lastSeq} the one its latest change took.
 */
@Entity
@Table(name = "messages")
class Message {

	// From a sequence, not an identity column: ids are known before the insert, so a
	// batch's rows go to the database in one JDBC batch at commit.
	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_ids")
	@SequenceGenerator(name = "message_ids", sequenceName = "message_ids", allocationSize = 50)
	private @Nullable Long id;

	@Column(name = "channel_id", nullable = false)
	private long channelId;

	@Column(nullable = false)
	private long seq;

	@Column(name = "last_seq", nullable = false)
	private long lastSeq;

	@Column(name = "sender_id", nullable = false)
	private long senderId;

	@Column(nullable = false)
	private String content;

	@Column(name = "reply_to_id")
	private @Nullable Long replyToId;

	@Column(name = "thread_reply_count", nullable = false)
	private int threadReplyCount;

	@Column(name = "client_message_id")
	private @Nullable String clientMessageId;

	@Column(nullable = false)
	@Convert(converter = IdListConverter.class)
	private List<Long> mentions;

	/** A {@code @channel} or {@code @here} from a moderator: it mentions every member. */
	@Column(name = "mentions_all", nullable = false)
	private boolean mentionsAll;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "edited_at")
	private @Nullable Instant editedAt;

	@Column(nullable = false)
	private boolean deleted;

	@Column(name = "deleted_at")
	private @Nullable Instant deletedAt;

	protected Message() {
		this.content = "";
		this.mentions = List.of();
		this.createdAt = Instant.EPOCH;
	}

	Message(long channelId, long seq, long senderId, String content, @Nullable Long replyToId,
			@Nullable String clientMessageId, List<Long> mentions, boolean mentionsAll, Instant createdAt) {
		this.mentionsAll = mentionsAll;
		this.channelId = channelId;
		this.seq = seq;
		this.lastSeq = seq;
		this.senderId = senderId;
		this.content = content;
		this.replyToId = replyToId;
		this.clientMessageId = clientMessageId;
		this.mentions = List.copyOf(mentions);
		this.createdAt = createdAt;
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("message not stored yet");
		}
		return this.id;
	}

	long channelId() {
		return this.channelId;
	}

	long seq() {
		return this.seq;
	}

	long lastSeq() {
		return this.lastSeq;
	}

	long senderId() {
		return this.senderId;
	}

	String content() {
		return this.content;
	}

	@Nullable Long replyToId() {
		return this.replyToId;
	}

	int threadReplyCount() {
		return this.threadReplyCount;
	}

	@Nullable String clientMessageId() {
		return this.clientMessageId;
	}

	List<Long> mentions() {
		return this.mentions;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	@Nullable Instant editedAt() {
		return this.editedAt;
	}

	boolean deleted() {
		return this.deleted;
	}

	@Nullable Instant deletedAt() {
		return this.deletedAt;
	}

	/**
	 * The message as clients see it, before anyone reacted to it.
	 */
	MessageView view(UserSummary sender, List<AttachmentView> attachments) {
		return view(sender, List.of(), attachments);
	}

	/**
	 * The message as clients see it; a deleted message's content, mentions and
	 * attachments are blank in every read path.
	 */
	MessageView view(UserSummary sender, List<ReactionView> reactions, List<AttachmentView> attachments) {
		return new MessageView(id(), this.channelId, this.seq, this.lastSeq, sender, this.deleted ? "" : this.content,
				this.replyToId, this.threadReplyCount, this.deleted ? List.of() : this.mentions,
				this.deleted ? List.of() : attachments, reactions, this.createdAt, this.editedAt, this.deleted,
				this.clientMessageId);
	}

	/**
	 * New content, stored by the change that took {@code seq}.
	 */
	void edit(String content, List<Long> mentions, long seq, Instant at) {
		this.content = content;
		this.mentions = List.copyOf(mentions);
		this.editedAt = at;
		this.lastSeq = seq;
	}

	/**
	 * Soft delete: the content stays stored, for the author, moderators and admins.
	 */
	void delete(long seq, Instant at) {
		this.deleted = true;
		this.deletedAt = at;
		this.lastSeq = seq;
	}

	/**
	 * Something shown with the message changed, such as its reactions: the change took
	 * {@code seq}, so {@code sinceSeq} recovery returns the message again.
	 */
	void changed(long seq) {
		this.lastSeq = seq;
	}

	/**
	 * A reply was posted: the change that took {@code seq} changed this message too, so
	 * {@code sinceSeq} recovery returns it with its new count.
	 */
	void countReply(long seq) {
		this.threadReplyCount++;
		this.lastSeq = seq;
	}

}
