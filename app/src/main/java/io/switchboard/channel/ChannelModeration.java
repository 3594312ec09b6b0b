package io.switchboard.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.switchboard.broker.Fanout;
import io.switchboard.channel.event.ChannelClosed;
import io.switchboard.channel.event.MemberLeft;
import io.switchboard.channel.event.MemberUpdated;
import io.switchboard.channel.event.MemberView;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Moderating a channel: roles, kicks, mutes, bans and closing a support channel. Each is
 * a change to the channel, stored through its {@link ChannelWriter} under the channel's
 * lock with its audit entry in the same transaction.
 * <p>
 * Who outranks whom: an ADMIN of the workspace every member who is not an ADMIN too; a
 * channel admin moderators and members; a channel moderator members. Nobody acts on
 * themselves this way (but a channel admin may step down), and direct and group channels
 * have no moderators.
 */
@Service
class ChannelModeration {

	private static final Duration MAX_SANCTION = Duration.ofDays(36_525);

	private final ChannelWriter writer;

	private final ChannelAccess access;

	private final ChannelMemberRepository members;

	private final ChannelMembership membership;

	private final ChannelDirectory directory;

	private final Sanctions sanctions;

	private final AuditLog audit;

	private final UserDirectory users;

	private final Fanout fanout;

	private final JdbcTemplate jdbc;

	ChannelModeration(ChannelWriter writer, ChannelAccess access, ChannelMemberRepository members,
			ChannelMembership membership, ChannelDirectory directory, Sanctions sanctions, AuditLog audit,
			UserDirectory users, Fanout fanout, JdbcTemplate jdbc) {
		this.writer = writer;
		this.access = access;
		this.members = members;
		this.membership = membership;
		this.directory = directory;
		this.sanctions = sanctions;
		this.audit = audit;
		this.users = users;
		this.fanout = fanout;
		this.jdbc = jdbc;
	}

	/**
	 * Channel admins (and ADMINs) change a member's role; the last admin stays one.
	 */
	CompletableFuture<Boolean> changeRole(long channelId, CurrentUser actor, long userId, MemberRole role) {
		return this.writer.record(ChannelChange.of(channelId, actor, (batch) -> {
			int actorRank = actorRank(batch, actor);
			if (actorRank < MemberRole.ADMIN.ordinalRank()) {
				throw RequestRefused.forbidden("only channel admins change roles in channel " + channelId);
			}
			ChannelMember member = member(batch, userId);
			boolean targetIsAdmin = userId != actor.id()
					&& this.users.account(userId).map((account) -> account.user().has(Role.ADMIN)).orElse(false);
			if (userId != actor.id() && (member.role().ordinalRank() >= actorRank || targetIsAdmin)) {
				throw RequestRefused.forbidden("may not change the role of another admin of channel " + channelId);
			}
			if (member.role() == role) {
				return false;
			}
			if (member.role() == MemberRole.ADMIN
					&& this.members.countByChannelIdAndRole(channelId, MemberRole.ADMIN) == 1) {
				throw RequestRefused.conflict("channel " + channelId + " needs another admin first");
			}
			SequenceSlot slot = batch.next();
			member.changeRole(role);
			this.members.flush();
			batch.membershipChanged();
			slot.publishOnCommit(
					new MemberUpdated(channelId, slot.seq(), new MemberView(userId, username(batch, userId), role)));
			this.audit.record(batch.workspaceId(), channelId, AuditAction.ROLE_CHANGED, actor.id(), userId,
					"role: " + role.wireName(), batch.time());
			return true;
		}));
	}

	/**
	 * Removes a member; they may join a public channel again.
	 */
	CompletableFuture<Boolean> kick(long channelId, CurrentUser actor, long userId, @Nullable String reason) {
		return this.writer.record(ChannelChange.of(channelId, actor, (batch) -> {
			ChannelMember member = member(batch, userId);
			requireOutranks(batch, actor, userId);
			this.membership.remove(batch, member, username(batch, userId), MemberLeft.KICKED);
			this.audit.record(batch.workspaceId(), channelId, AuditAction.KICKED, actor.id(), userId, reason,
					batch.time());
			batch.onPublished(
					() -> this.fanout.endSubscriptions(channelId, userId, "removed from channel " + channelId));
			return true;
		}));
	}

	/**
	 * A muted member reads on, but posts, edits and reacts no more until {@code until},
	 * or until unmuted.
	 */
	CompletableFuture<Boolean> mute(long channelId, CurrentUser actor, long userId, @Nullable Instant until,
			@Nullable String reason) {
		return this.writer.record(ChannelChange.of(channelId, actor, (batch) -> {
			requireFuture(until, batch);
			member(batch, userId);
			requireOutranks(batch, actor, userId);
			this.sanctions.impose(Sanctions.Kind.MUTE, channelId, userId, until, reason, actor.id(), batch.time());
			batch.membershipChanged();
			this.audit.record(batch.workspaceId(), channelId, AuditAction.MUTED, actor.id(), userId, reason,
					batch.time());
			return true;
		}));
	}

	CompletableFuture<Boolean> unmute(long channelId, CurrentUser actor, long userId) {
		return lift(channelId, actor, userId, Sanctions.Kind.MUTE, AuditAction.UNMUTED);
	}

	/**
	 * Removes the user if they are a member, and keeps them out (they cannot join, be
	 * added or read the channel) until {@code until}, or until unbanned.
	 */
	CompletableFuture<Boolean> ban(long channelId, CurrentUser actor, long userId, @Nullable Instant until,
			@Nullable String reason) {
		return this.writer.record(ChannelChange.of(channelId, actor, (batch) -> {
			requireFuture(until, batch);
			String username = username(batch, userId);
			Optional<ChannelMember> member = this.members.findByChannelIdAndUserId(channelId, userId);
			requireOutranks(batch, actor, userId);
			member.ifPresent((found) -> this.membership.remove(batch, found, username, MemberLeft.BANNED));
			this.sanctions.impose(Sanctions.Kind.BAN, channelId, userId, until, reason, actor.id(), batch.time());
			this.audit.record(batch.workspaceId(), channelId, AuditAction.BANNED, actor.id(), userId, reason,
					batch.time());
			batch
				.onPublished(() -> this.fanout.endSubscriptions(channelId, userId, "banned from channel " + channelId));
			return true;
		}));
	}

	CompletableFuture<Boolean> unban(long channelId, CurrentUser actor, long userId) {
		return lift(channelId, actor, userId, Sanctions.Kind.BAN, AuditAction.UNBANNED);
	}

	/**
	 * Closes a support channel: its opener, its agents or an ADMIN. Nothing more is
	 * posted in it.
	 */
	CompletableFuture<Boolean> close(long channelId, CurrentUser actor) {
		return this.writer.record(ChannelChange.of(channelId, actor, (batch) -> {
			if (batch.channelType() != ChannelType.SUPPORT) {
				throw RequestRefused.badRequest("only support channels are closed; channel " + channelId + " is "
						+ batch.channelType().wireName());
			}
			boolean opener = this.directory.find(channelId).createdBy() == actor.id()
					&& this.access.roleIn(batch, actor.id()).isPresent();
			boolean agent = this.access.roleIn(batch, actor.id()).map(MemberRole::canModerate).orElse(false);
			if (!opener && !agent && !actor.has(Role.ADMIN)) {
				throw RequestRefused.forbidden("only its opener and its agents close channel " + channelId);
			}
			if (batch.closed()) {
				return false;
			}
			SequenceSlot slot = batch.next();
			this.jdbc.update("update channels set closed_at = ? where id = ?", Timestamps.forJdbc(batch.time()),
					channelId);
			batch.close();
			slot.publishOnCommit(new ChannelClosed(channelId, slot.seq(), actor.id()));
			this.audit.record(batch.workspaceId(), channelId, AuditAction.CHANNEL_CLOSED, actor.id(), null, null,
					batch.time());
			return true;
		}));
	}

	/**
	 * The channel's mutes or bans in force, for its moderators and ADMINs.
	 */
	List<Sanctions.Sanction> active(long channelId, CurrentUser actor, Sanctions.Kind kind) {
		requireModerator(channelId, actor);
		return this.sanctions.active(kind, channelId, Timestamps.now());
	}

	List<AuditLog.Entry> audit(long channelId, CurrentUser actor, long beforeId, int limit) {
		requireModerator(channelId, actor);
		return this.audit.ofChannel(channelId, beforeId, limit);
	}

	List<AuditLog.Entry> workspaceAudit(CurrentUser actor, long beforeId, int limit) {
		if (!actor.has(Role.ADMIN)) {
			throw RequestRefused.forbidden("only admins read the workspace's audit log");
		}
		return this.audit.ofWorkspace(actor.workspaceId(), beforeId, limit);
	}

	private CompletableFuture<Boolean> lift(long channelId, CurrentUser actor, long userId, Sanctions.Kind kind,
			AuditAction action) {
		return this.writer.record(ChannelChange.of(channelId, actor, (batch) -> {
			username(batch, userId);
			// A muted moderator does not unmute themselves, nor lift what a higher rank
			// imposed on someone of their own.
			requireOutranks(batch, actor, userId);
			if (!this.sanctions.lift(kind, channelId, userId)) {
				return false;
			}
			batch.membershipChanged();
			this.audit.record(batch.workspaceId(), channelId, action, actor.id(), userId, null, batch.time());
			return true;
		}));
	}

	/**
	 * A channel of another workspace is one that does not exist; one the user may read
	 * but does not moderate is forbidden.
	 */
	private void requireModerator(long channelId, CurrentUser actor) {
		Channel channel = this.directory.find(channelId);
		if (channel.workspaceId() != actor.workspaceId()) {
			throw ChannelAccess.notFound(channelId);
		}
		if (!actor.has(Role.ADMIN) && !this.access.moderates(channelId, actor.id())) {
			this.access.requireReader(channelId, actor);
			throw RequestRefused.forbidden("only the channel's admins and moderators moderate channel " + channelId);
		}
	}

	/**
	 * The actor's rank here: an ADMIN of the workspace outranks every channel role.
	 */
	private int actorRank(ChangeBatch batch, CurrentUser actor) {
		if (batch.channelType().isConversation()) {
			throw RequestRefused.forbidden("direct and group channels have no moderators");
		}
		if (actor.has(Role.ADMIN)) {
			return MemberRole.ADMIN.ordinalRank() + 1;
		}
		return this.access.roleIn(batch, actor.id()).map(MemberRole::ordinalRank).orElse(0);
	}

	/**
	 * The actor must outrank the target: by the target's channel role, or, for an ADMIN
	 * of the workspace, above every channel role. Nobody acts on themselves this way.
	 */
	private void requireOutranks(ChangeBatch batch, CurrentUser actor, long targetId) {
		if (targetId == actor.id()) {
			throw RequestRefused.badRequest("nobody moderates themselves");
		}
		int rank = actorRank(batch, actor);
		if (rank < MemberRole.MODERATOR.ordinalRank()) {
			throw RequestRefused
				.forbidden("only the channel's admins and moderators moderate channel " + batch.channelId());
		}
		boolean targetIsAdmin = this.users.account(targetId)
			.map((account) -> account.user().has(Role.ADMIN))
			.orElse(false);
		int targetRank = targetIsAdmin ? MemberRole.ADMIN.ordinalRank() + 1
				: this.access.roleIn(batch, targetId).map(MemberRole::ordinalRank).orElse(0);
		if (targetRank >= rank) {
			throw RequestRefused
				.forbidden("may not moderate someone of equal or higher rank in channel " + batch.channelId());
		}
	}

	private ChannelMember member(ChangeBatch batch, long userId) {
		username(batch, userId);
		return this.members.findByChannelIdAndUserId(batch.channelId(), userId)
			.orElseThrow(() -> RequestRefused
				.notFound("user " + userId + " is not a member of channel " + batch.channelId()));
	}

	/**
	 * Someone of another workspace is as if they did not exist.
	 */
	private String username(ChangeBatch batch, long userId) {
		UserSummary user = this.users.summariesIn(batch.workspaceId(), List.of(userId)).get(userId);
		if (user == null) {
			throw RequestRefused.notFound("no user " + userId);
		}
		return user.username();
	}

	private static void requireFuture(@Nullable Instant until, ChangeBatch batch) {
		if (until != null && !until.isAfter(batch.time())) {
			throw RequestRefused.badRequest("until: must be in the future");
		}
		if (until != null && until.isAfter(batch.time().plus(MAX_SANCTION))) {
			throw RequestRefused.badRequest("until: at most 100 years from now; leave it out for no end");
		}
	}

}
