package io.switchboard.channel;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.switchboard.system.PlainText;
import io.switchboard.system.WireNames;
import io.switchboard.user.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A channel's members, found by the start of their names: whom a message can mention.
 */
@RestController
class ChannelMembersController {

	private final ChannelAccess access;

	private final NamedParameterJdbcTemplate jdbc;

	ChannelMembersController(ChannelAccess access, NamedParameterJdbcTemplate jdbc) {
		this.access = access;
		this.jdbc = jdbc;
	}

	@GetMapping("/api/channels/{channelId}/members")
	@Transactional(readOnly = true)
	List<Member> members(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@RequestParam(defaultValue = "") @Size(max = 100) @PlainText String query,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		this.access.requireReader(channelId, me);
		return this.jdbc.query("select u.id, u.username, u.display_name, m.role from channel_members m "
				+ "join users u on u.id = m.user_id where m.channel_id = :channel and u.disabled = false "
				+ "and (lower(u.username) like :prefix escape '!' or lower(u.display_name) like :prefix escape '!') "
				+ "order by u.username limit :limit",
				Map.of("channel", channelId, "prefix", likePrefix(query), "limit", limit),
				(row, i) -> new Member(row.getLong(1), row.getString(2), row.getString(3),
						WireNames.parse(MemberRole.class, row.getString(4))));
	}

	/**
	 * A query as a {@code like} pattern that matches it as a prefix, its own wildcards
	 * escaped.
	 */
	private static String likePrefix(String query) {
		return query.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	record Member(long id, String username, String displayName, MemberRole role) {

	}

}
