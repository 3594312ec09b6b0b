package io.switchboard.user;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Badges: defined by ADMINs, given to users, shown on what they write. Two small tables,
 * read with plain JDBC.
 */
@Service
public class Badges {

	private static final RowMapper<Badge> BADGE = (row, i) -> new Badge(row.getLong("id"), row.getString("name"),
			row.getString("color"), row.getInt("priority"));

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final UserRepository users;

	Badges(NamedParameterJdbcTemplate named, UserRepository users) {
		this.named = named;
		this.jdbc = named.getJdbcTemplate();
		this.users = users;
	}

	public Badge define(long workspaceId, String name, String color, int priority) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		try {
			this.jdbc.update((connection) -> {
				var insert = connection.prepareStatement(
						"insert into badges (workspace_id, name, color, priority, created_at) values (?, ?, ?, ?, ?)",
						new String[] { "id" });
				insert.setLong(1, workspaceId);
				insert.setString(2, name.strip());
				insert.setString(3, color.toLowerCase(Locale.ROOT));
				insert.setInt(4, priority);
				insert.setTimestamp(5, Timestamp.from(Timestamps.now()));
				return insert;
			}, key);
		}
		catch (DuplicateKeyException ex) {
			throw new RequestRefused(ErrorCode.CONFLICT, "a badge named '" + name.strip() + "' exists");
		}
		return new Badge(key.getKey().longValue(), name.strip(), color.toLowerCase(Locale.ROOT), priority);
	}

	@EventListener
	void erased(AccountErased erased) {
		this.jdbc.update("delete from user_badges where user_id = ?", erased.userId());
	}

	/**
	 * Every badge, the highest priority first.
	 */
	public List<Badge> all(long workspaceId) {
		return this.jdbc.query(
				"select id, name, color, priority from badges where workspace_id = ? order by priority desc, name",
				BADGE, workspaceId);
	}

	/**
	 * Replaces the user's badges with these.
	 * @return the user's badges now, the highest priority first
	 */
	@Transactional
	public List<Badge> give(long workspaceId, long userId, Set<Long> badgeIds) {
		// Locked, so that two replacements, or a replacement and an erasure, take turns.
		UserAccount account = this.users.findForUpdate(userId)
			.filter((found) -> found.workspaceId() == workspaceId)
			.orElseThrow(() -> RequestRefused.notFound("no user " + userId));
		if (account.erased()) {
			throw new RequestRefused(ErrorCode.CONFLICT, "user " + userId + " was erased");
		}
		List<Badge> badges = badgeIds.isEmpty() ? List.of()
				: this.named.query(
						"select id, name, color, priority from badges where workspace_id = :workspace "
								+ "and id in (:ids) order by priority desc, name",
						Map.of("workspace", workspaceId, "ids", badgeIds), BADGE);
		if (badges.size() != badgeIds.size()) {
			throw RequestRefused.badRequest("no badge with some of the ids " + badgeIds);
		}
		this.jdbc.update("delete from user_badges where user_id = ?", userId);
		this.jdbc.batchUpdate("insert into user_badges (user_id, badge_id) values (?, ?)",
				badges.stream().map((badge) -> new Object[] { userId, badge.id() }).toList());
		return badges;
	}

}
