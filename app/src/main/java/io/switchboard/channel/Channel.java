package io.switchboard.channel;

import java.time.Instant;

import io.switchboard.system.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A channel. Its {@code lastSeq} is only ever moved by {@link ChannelWriter}, in SQL, so
 * the entity never writes it back.
 */
@Entity
@Table(name = "channels")
class Channel {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private ChannelType type;

	private @Nullable String description;

	@Column(name = "last_seq", nullable = false, insertable = false, updatable = false)
	private long lastSeq;

	/**
	 * The sorted member ids of a direct or group channel: one channel per set of people.
	 */
	@Column(name = "direct_key", unique = true)
	private @Nullable String directKey;

	@Column(name = "created_by", nullable = false)
	private long createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "workspace_id", nullable = false)
	private long workspaceId;

	/** Set only by {@link ChannelWriter}'s changes, in SQL, as {@code lastSeq} is. */
	@Column(name = "closed_at", insertable = false, updatable = false)
	private @Nullable Instant closedAt;

	protected Channel() {
		this.name = "";
		this.type = ChannelType.PRIVATE;
		this.createdAt = Instant.EPOCH;
	}

	Channel(long workspaceId, String name, ChannelType type, @Nullable String description, @Nullable String directKey,
			long createdBy) {
		this.workspaceId = workspaceId;
		this.name = name;
		this.type = type;
		this.description = description;
		this.directKey = directKey;
		this.createdBy = createdBy;
		this.createdAt = Timestamps.now();
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("channel not stored yet");
		}
		return this.id;
	}

	long workspaceId() {
		return this.workspaceId;
	}

	String name() {
		return this.name;
	}

	ChannelType type() {
		return this.type;
	}

	@Nullable String description() {
		return this.description;
	}

	long lastSeq() {
		return this.lastSeq;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	long createdBy() {
		return this.createdBy;
	}

	@Nullable Instant closedAt() {
		return this.closedAt;
	}

}
