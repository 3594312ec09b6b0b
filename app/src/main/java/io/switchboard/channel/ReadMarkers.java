package io.switchboard.channel;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.switchboard.channel.event.ReadUpdated;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' read markers. A marker moves forward only, and never past the channel's
 * sequence. In direct and group channels a move is a change like any other, with its own
 * {@code seq} and a {@code read.updated} event, so that the others can show read
 * receipts, if it passes a message; elsewhere it publishes nothing and takes no
 * {@code seq}.
 */
@Service
class ReadMarkers {

	private final ChannelWriter writer;

	private final ChannelMemberRepository members;

	private final JdbcTemplate jdbc;

	private final EntityManager entities;

	private final ChannelAccess access;

	private final ChannelRepository channels;

	ReadMarkers(ChannelWriter writer, ChannelMemberRepository members, JdbcTemplate jdbc, EntityManager entities,
			ChannelAccess access, ChannelRepository channels) {
		this.access = access;
		this.channels = channels;
		this.writer = writer;
		this.members = members;
		this.jdbc = jdbc;
		this.entities = entities;
	}

	/**
	 * @return the member's read marker once stored
	 */
	CompletableFuture<Long> markRead(long channelId, CurrentUser reader, long seq) {
		if (seq < 0) {
			throw RequestRefused.badRequest("seq: must not be negative");
		}
		return this.writer.record(ChannelChange.of(channelId, reader, (batch) -> {
			ChannelMember member = this.members.findByChannelIdAndUserId(channelId, reader.id())
				.orElseThrow(() -> RequestRefused.forbidden("not a member of channel " + channelId));
			long readSeq = Math.min(seq, batch.lastSeq());
			long before = member.readSeq();
			if (readSeq <= before) {
				return before;
			}
			member.read(readSeq);
			// Only a marker that passes a message is a receipt: one that passes only
			// other receipts would have clients acknowledge each other's forever.
			if (batch.channelType().isConversation() && passesMessage(channelId, reader.id(), before, readSeq)) {
				SequenceSlot slot = batch.next();
				slot.publishOnCommit(new ReadUpdated(channelId, slot.seq(), reader.id(), readSeq));
			}
			return readSeq;
		}));
	}

	/**
	 * The other members' markers in a direct or group channel, where they are read
	 * receipts; other channels share none.
	 */
	@Transactional(readOnly = true)
	List<MemberMarker> othersIn(long channelId, CurrentUser reader) {
		this.access.requireMember(channelId, reader);
		Channel channel = this.channels.findById(channelId).orElseThrow(() -> ChannelAccess.notFound(channelId));
		if (!channel.type().isConversation()) {
			throw RequestRefused.badRequest("read markers are shared in direct and group channels only");
		}
		return this.members.findByChannelId(channelId)
			.stream()
			.filter((member) -> member.userId() != reader.id())
			.map((member) -> new MemberMarker(member.userId(), member.readSeq()))
			.toList();
	}

	/**
	 * Whether the marker passes a message of someone else's: reading one's own is no news
	 * to anyone.
	 */
	private boolean passesMessage(long channelId, long readerId, long from, long to) {
		// Messages stored earlier in the same batch are inserted only at commit.
		this.entities.flush();
		return !this.jdbc
			.queryForList("select 1 from messages where channel_id = ? and seq > ? and seq <= ? and sender_id <> ? "
					+ "fetch first 1 rows only", Integer.class, channelId, from, to, readerId)
			.isEmpty();
	}

	record MemberMarker(long userId, long readSeq) {

	}

}
