package io.switchboard.user;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who blocked whom. A user who blocks another gets no direct messages from them, no
 * notification of their group messages or mentions, and no new direct channel with them.
 */
@Component
public class UserBlocks {

	private final NamedParameterJdbcTemplate jdbc;

	private final UserDirectory users;

	UserBlocks(NamedParameterJdbcTemplate jdbc, UserDirectory users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/**
	 * Which of {@code userIds} blocked {@code senderId}. Reads everyone who blocked the
	 * sender, a short list, rather than sending a channel's members to the database.
	 */
	public Set<Long> blockersOf(long senderId, Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		Set<Long> blockers = new HashSet<>(this.jdbc.queryForList(
				"select user_id from user_blocks where blocked_id = :sender", Map.of("sender", senderId), Long.class));
		blockers.retainAll(userIds instanceof Set<Long> set ? set : new HashSet<>(userIds));
		return blockers;
	}

	/**
	 * Whether either of the two blocked the other.
	 */
	public boolean between(long one, long other) {
		return !blockersOf(one, List.of(other)).isEmpty() || !blockersOf(other, List.of(one)).isEmpty();
	}

	@Transactional
	void block(CurrentUser user, long blockedId) {
		requireOther(user, blockedId);
		try {
			this.jdbc.update("insert into user_blocks (user_id, blocked_id, created_at) select :user, :blocked, :at "
					+ "where not exists (select 1 from user_blocks where user_id = :user and blocked_id = :blocked)",
					Map.of("user", user.id(), "blocked", blockedId, "at", Timestamps.forJdbc(Timestamps.now())));
		}
		catch (DuplicateKeyException raced) {
			// The same block, made by a second request at the same moment.
		}
	}

	@Transactional
	void unblock(CurrentUser user, long blockedId) {
		requireOther(user, blockedId);
		this.jdbc.update("delete from user_blocks where user_id = :user and blocked_id = :blocked",
				Map.of("user", user.id(), "blocked", blockedId));
	}

	List<UserSummary> blockedBy(long userId) {
		List<Long> ids = this.jdbc.queryForList(
				"select blocked_id from user_blocks where user_id = :user order by created_at, blocked_id",
				Map.of("user", userId), Long.class);
		Map<Long, UserSummary> summaries = this.users.summaries(ids);
		return ids.stream().map(summaries::get).toList();
	}

	/**
	 * Whom the erased user blocked is their data, and goes; blocks of them go too, as the
	 * erased account can no longer do anything to be blocked for.
	 */
	@EventListener
	void erased(AccountErased erased) {
		this.jdbc.update("delete from user_blocks where user_id = :user or blocked_id = :user",
				Map.of("user", erased.userId()));
	}

	/**
	 * Someone of another workspace is as if they did not exist.
	 */
	private void requireOther(CurrentUser user, long otherId) {
		if (otherId == user.id()) {
			throw RequestRefused.badRequest("nobody blocks themselves");
		}
		if (!this.users.inWorkspace(otherId, user.workspaceId())) {
			throw RequestRefused.notFound("no user " + otherId);
		}
	}

}
