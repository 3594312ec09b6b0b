package io.switchboard.notification;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.switchboard.system.IdArrayQuery;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.WireNames;
import io.switchboard.user.AccountErased;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which kinds of notification a user wants delivered live. A kind switched off is still
 * stored and listed in the inbox; only its live delivery stops. Stored as the kinds
 * switched off, so that a new kind is on for everyone.
 */
@Component
class NotificationPreferences {

	private final NamedParameterJdbcTemplate jdbc;

	NotificationPreferences(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every kind, and whether it is delivered live.
	 */
	@Transactional(readOnly = true)
	Map<String, Boolean> of(long userId) {
		Set<String> off = new HashSet<>(
				this.jdbc.queryForList("select kind from notification_preferences where user_id = :user",
						Map.of("user", userId), String.class));
		Map<String, Boolean> live = new LinkedHashMap<>();
		Arrays.stream(NotificationKind.values())
			.forEach((kind) -> live.put(kind.wireName(), !off.contains(kind.wireName())));
		return live;
	}

	/**
	 * Changes the kinds given, leaves the others.
	 */
	@Transactional
	Map<String, Boolean> change(long userId, Map<String, Object> changes) {
		for (Map.Entry<String, Object> change : changes.entrySet()) {
			NotificationKind kind;
			try {
				kind = WireNames.parse(NotificationKind.class, change.getKey());
			}
			catch (RequestRefused unknown) {
				throw RequestRefused.badRequest(change.getKey() + ": not a kind of notification; kinds are "
						+ String.join(", ", of(userId).keySet()));
			}
			if (!(change.getValue() instanceof Boolean live)) {
				throw RequestRefused.badRequest(change.getKey() + ": must be true or false");
			}
			Map<String, Object> row = Map.of("user", userId, "kind", kind.wireName());
			this.jdbc.update("delete from notification_preferences where user_id = :user and kind = :kind", row);
			if (!live) {
				this.jdbc.update("insert into notification_preferences (user_id, kind) values (:user, :kind)", row);
			}
		}
		return of(userId);
	}

	/**
	 * Of these users, those who switched off live delivery of the kind: one query.
	 */
	Set<Long> switchedOff(NotificationKind kind, Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		Set<Long> off = new HashSet<>();
		IdArrayQuery.query(this.jdbc.getJdbcTemplate(),
				"select user_id from notification_preferences where kind = ? and user_id = any(?)", userIds,
				(row) -> off.add(row.getLong(1)), kind.wireName());
		return off;
	}

	@EventListener
	void erased(AccountErased erased) {
		this.jdbc.update("delete from notification_preferences where user_id = :user", Map.of("user", erased.userId()));
	}

}
