package io.switchboard.channel;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import io.switchboard.system.WireNames;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;

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
		return readability(channelId, userId).readability() == Readability.READABLE;
	}

	public boolean isMember(long channelId, long userId) {
		return this.members.existsById(new ChannelMember.Key(channelId, userId));
	}

	/**
	 * A channel the user may not know of (of another workspace, or private and not
	 * theirs) is answered as one that does not exist.
	 */
	public void requireReader(long channelId, CurrentUser user) {
		RequestRefused refusal = readRefusal(channelId, user);
		if (refusal != null) {
			throw refusal;
		}
	}

	/**
	 * Why the user may not read the channel, or {@code null} if they may:
	 * {@code not_found} for a channel they may not know of, as for one that does not
	 * exist; {@code forbidden} for one they know of but may not read.
	 */
	public @Nullable RequestRefused readRefusal(long channelId, CurrentUser user) {
		Reading reading = readability(channelId, user.id());
		return switch (reading.readability()) {
			case READABLE -> null;
			case NOT_FOUND -> notFound(channelId);
			case BANNED -> RequestRefused.forbidden("banned from channel " + channelId);
			case HIDDEN -> knowsOf(reading.type(), user) ? notAMember(channelId) : notFound(channelId);
		};
	}

	/**
	 * For what only members do outside a change, such as typing; a channel the user may
	 * not know of is answered as one that does not exist.
	 */
	public void requireMember(long channelId, CurrentUser user) {
		RequestRefused refusal = readRefusal(channelId, user);
		if (refusal != null && refusal.code() != ErrorCode.FORBIDDEN) {
			throw refusal;
		}
		if (refusal != null || !isMember(channelId, user.id())) {
			throw notAMember(channelId);
		}
	}

	/**
	 * Every change passes here first, under the channel's lock: a channel the actor may
	 * not know of is answered as one that does not exist, whatever the change, so that no
	 * answer tells it apart from a made-up id. Members, and anyone for an open channel,
	 * pass without a query of their own.
	 */
	void requireKnown(ChangeBatch batch, CurrentUser actor) {
		if (batch.channelType().isOpen() || knowsOf(batch.channelType(), actor)
				|| standing(batch, actor.id()).isPresent() || banned(batch, actor.id())) {
			return;
		}
		throw notFound(batch.channelId());
	}

	/**
	 * ADMINs know every channel of their workspace, as they moderate them all; agents
	 * (MODERATORs) know support channels, which they list and answer.
	 */
	private static boolean knowsOf(ChannelType type, CurrentUser user) {
		return user.has(Role.ADMIN) || (type == ChannelType.SUPPORT && user.has(Role.MODERATOR));
	}

	private boolean banned(ChangeBatch batch, long userId) {
		return !this.jdbc
			.queryForList(
					"select 1 from channel_sanctions where channel_id = ? and user_id = ? "
							+ "and kind = 'ban' and (until is null or until > ?)",
					batch.channelId(), userId, Timestamps.forJdbc(batch.time()))
			.isEmpty();
	}

	static RequestRefused notFound(long channelId) {
		return RequestRefused.notFound("no channel " + channelId);
	}

	private static RequestRefused notAMember(long channelId) {
		return RequestRefused.forbidden("not a member of channel " + channelId);
	}

	/**
	 * One query: the channel's type, whether it is in the user's workspace, whether the
	 * user is a member, and whether a ban keeps them out.
	 */
	private Reading readability(long channelId, long userId) {
		return this.jdbc.query("select c.type, case when c.workspace_id = u.workspace_id then 1 else 0 end, "
				+ "case when exists (select 1 from channel_members m where m.channel_id = c.id and m.user_id = u.id) "
				+ "then 1 else 0 end, case when exists (select 1 from channel_sanctions s where s.channel_id = c.id "
				+ "and s.user_id = u.id and s.kind = 'ban' and (s.until is null or s.until > current_timestamp)) "
				+ "then 1 else 0 end from channels c join users u on u.id = ? where c.id = ?", (row, i) -> {
					ChannelType type = WireNames.parse(ChannelType.class, row.getString(1));
					if (row.getInt(2) == 0) {
						return new Reading(Readability.NOT_FOUND, type);
					}
					if (row.getInt(4) == 1) {
						return new Reading(Readability.BANNED, type);
					}
					boolean readable = type.isOpen() || row.getInt(3) == 1;
					return new Reading(readable ? Readability.READABLE : Readability.HIDDEN, type);
				}, userId, channelId)
			.stream()
			.findFirst()
			.orElse(new Reading(Readability.NOT_FOUND, ChannelType.PRIVATE));
	}

	private enum Readability {

		READABLE,
		/**
		 * Neither open nor the user's: only those who know of it may be told it exists.
		 */
		HIDDEN, BANNED, NOT_FOUND

	}

	private record Reading(Readability readability, ChannelType type) {

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
		MemberStanding standing = standing(batch, userId).orElseThrow(() -> notAMember(batch.channelId()));
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
