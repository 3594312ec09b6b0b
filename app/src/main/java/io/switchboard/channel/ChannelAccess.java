package io.switchboard.channel;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import io.switchboard.system.WireNames;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read and who may post in a channel; the rules the STOMP authorization and the
 * features' own services share.
 */
@Component
// A refusal answers the question; it does not doom the caller's transaction, such as a
// batch of changes that other senders' messages share.
@Transactional(readOnly = true, noRollbackFor = RequestRefused.class)
public class ChannelAccess {

	private final ChannelMemberRepository members;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	ChannelAccess(ChannelMemberRepository members, JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
		this.members = members;
		this.jdbc = jdbc;
		this.named = named;
	}

	/**
	 * Members read their channels; anyone of the channel's workspace reads its public and
	 * announcement channels. Nobody reads a channel of another workspace.
	 */
	public boolean canRead(long channelId, long userId) {
		return readability(channelId, userId) == Readability.READABLE;
	}

	public boolean isMember(long channelId, long userId) {
		return this.members.existsById(new ChannelMember.Key(channelId, userId));
	}

	/**
	 * A channel of another workspace is answered as one that does not exist.
	 */
	public void requireReader(long channelId, long userId) {
		switch (readability(channelId, userId)) {
			case READABLE -> {
			}
			case NOT_FOUND -> throw RequestRefused.notFound("no channel " + channelId);
			case FORBIDDEN -> throw RequestRefused.forbidden("not a member of channel " + channelId);
			case BANNED -> throw RequestRefused.forbidden("banned from channel " + channelId);
		}
	}

	/**
	 * For what only members do outside a change, such as typing; a channel of another
	 * workspace is answered as one that does not exist.
	 */
	public void requireMember(long channelId, long userId) {
		switch (readability(channelId, userId)) {
			case NOT_FOUND -> throw RequestRefused.notFound("no channel " + channelId);
			case FORBIDDEN, BANNED -> throw RequestRefused.forbidden("not a member of channel " + channelId);
			case READABLE -> {
				if (!isMember(channelId, userId)) {
					throw RequestRefused.forbidden("not a member of channel " + channelId);
				}
			}
		}
	}

	/**
	 * One query: the channel's type, whether it is in the user's workspace, whether the
	 * user is a member, and whether a ban keeps them out.
	 */
	private Readability readability(long channelId, long userId) {
		return this.jdbc.query("select c.type, case when c.workspace_id = u.workspace_id then 1 else 0 end, "
				+ "case when exists (select 1 from channel_members m where m.channel_id = c.id and m.user_id = u.id) "
				+ "then 1 else 0 end, case when exists (select 1 from channel_sanctions s where s.channel_id = c.id "
				+ "and s.user_id = u.id and s.kind = 'ban' and (s.until is null or s.until > current_timestamp)) "
				+ "then 1 else 0 end from channels c join users u on u.id = ? where c.id = ?", (row, i) -> {
					if (row.getInt(2) == 0) {
						return Readability.NOT_FOUND;
					}
					if (row.getInt(4) == 1) {
						return Readability.BANNED;
					}
					boolean open = WireNames.parse(ChannelType.class, row.getString(1)).isOpen();
					return (open || row.getInt(3) == 1) ? Readability.READABLE : Readability.FORBIDDEN;
				}, userId, channelId)
			.stream()
			.findFirst()
			.orElse(Readability.NOT_FOUND);
	}

	private enum Readability {

		READABLE, FORBIDDEN, BANNED, NOT_FOUND

	}

	/**
	 * Members post unless muted; in announcement channels only channel admins and
	 * moderators do; nobody posts in a closed channel. Checked by a change in its batch,
	 * under the channel's lock, which has read the channel already.
	 */
	public MemberRole requirePoster(ChangeBatch batch, long userId) {
		MemberRole role = requireMember(batch, userId);
		if (batch.channelType() == ChannelType.ANNOUNCEMENT && !role.canModerate()) {
			throw RequestRefused.forbidden("may not post in channel " + batch.channelId());
		}
		if (batch.closed()) {
			throw RequestRefused.forbidden("channel " + batch.channelId() + " is closed");
		}
		return role;
	}

	/**
	 * The user's role in the batch's channel, for a change only members who are not muted
	 * make, such as a reaction.
	 */
	public MemberRole requireMember(ChangeBatch batch, long userId) {
		MemberStanding standing = standing(batch, userId)
			.orElseThrow(() -> RequestRefused.forbidden("not a member of channel " + batch.channelId()));
		if (standing.muted()) {
			throw RequestRefused.forbidden("muted in channel " + batch.channelId());
		}
		return standing.role();
	}

	/**
	 * The user's role in the batch's channel, if they are a member, muted or not.
	 */
	public Optional<MemberRole> roleIn(ChangeBatch batch, long userId) {
		return standing(batch, userId).map(MemberStanding::role);
	}

	/**
	 * Read once per batch. It runs for every batch on the write path, so it reads the two
	 * things it needs in one plain JDBC query.
	 */
	private Optional<MemberStanding> standing(ChangeBatch batch, long userId) {
		return batch.standing(userId, (id) -> this.jdbc.query(
				"select m.role, case when exists (select 1 from channel_sanctions s where s.channel_id = m.channel_id "
						+ "and s.user_id = m.user_id and s.kind = 'mute' and (s.until is null or s.until > ?)) "
						+ "then 1 else 0 end from channel_members m where m.channel_id = ? and m.user_id = ?",
				(row, i) -> new MemberStanding(WireNames.parse(MemberRole.class, row.getString(1)), row.getInt(2) == 1),
				Timestamps.forJdbc(batch.time()), batch.channelId(), id)
			.stream()
			.findFirst());
	}

	/**
	 * Whether the user is one of the channel's admins or moderators.
	 */
	public boolean moderates(long channelId, long userId) {
		return this.members.findByChannelIdAndUserId(channelId, userId)
			.map((member) -> member.role().canModerate())
			.orElse(false);
	}

	/**
	 * Each member's notification level: of every member, or of those among
	 * {@code userIds} who are members.
	 */
	public Map<Long, NotificationLevel> notificationLevels(long channelId, @Nullable Collection<Long> userIds) {
		if (userIds != null && userIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, NotificationLevel> levels = new HashMap<>();
		RowCallbackHandler collect = (row) -> levels.put(row.getLong(1),
				WireNames.parse(NotificationLevel.class, row.getString(2)));
		String select = "select user_id, notification_level from channel_members where channel_id = :channel";
		if (userIds == null) {
			this.named.query(select, Map.of("channel", channelId), collect);
		}
		else {
			this.named.query(select + " and user_id in (:users)", Map.of("channel", channelId, "users", userIds),
					collect);
		}
		return levels;
	}

	public List<Long> memberIds(long channelId) {
		return this.members.findUserIds(channelId);
	}

	/**
	 * Which of these users are members: as much work as there are users asked about,
	 * however large the channel.
	 */
	public List<Long> membersAmong(long channelId, Collection<Long> userIds) {
		return userIds.isEmpty() ? List.of() : this.members.findUserIdsAmong(channelId, userIds);
	}

}
