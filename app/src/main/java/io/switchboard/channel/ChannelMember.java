package io.switchboard.channel;

import java.io.Serializable;
import java.time.Instant;

import io.switchboard.system.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A user's membership of a channel, with their role there and their read marker.
 */
@Entity
@Table(name = "channel_members")
// Only what changed is written: a read marker's move never writes back a role or a
// preference that another transaction changed meanwhile.
@DynamicUpdate
@IdClass(ChannelMember.Key.class)
class ChannelMember {

	@Id
	@Column(name = "channel_id")
	private long channelId;

	@Id
	@Column(name = "user_id")
	private long userId;

	@Column(nullable = false)
	private MemberRole role;

	@Column(name = "read_seq", nullable = false)
	private long readSeq;

	@Column(name = "joined_at", nullable = false)
	private Instant joinedAt;

	@Column(name = "notification_level", nullable = false)
	private NotificationLevel notificationLevel;

	@Column(nullable = false)
	private boolean muted;

	protected ChannelMember() {
		this.role = MemberRole.MEMBER;
		this.joinedAt = Instant.EPOCH;
		this.notificationLevel = NotificationLevel.ALL;
	}

	ChannelMember(long channelId, long userId, MemberRole role) {
		this.channelId = channelId;
		this.userId = userId;
		this.role = role;
		this.joinedAt = Timestamps.now();
		this.notificationLevel = NotificationLevel.ALL;
	}

	long channelId() {
		return this.channelId;
	}

	long userId() {
		return this.userId;
	}

	MemberRole role() {
		return this.role;
	}

	long readSeq() {
		return this.readSeq;
	}

	NotificationLevel notificationLevel() {
		return this.notificationLevel;
	}

	boolean muted() {
		return this.muted;
	}

	void changeRole(MemberRole role) {
		this.role = role;
	}

	void read(long seq) {
		this.readSeq = seq;
	}

	record Key(long channelId, long userId) implements Serializable {

		Key() {
			this(0, 0);
		}

	}

}
