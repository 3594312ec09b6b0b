package io.switchboard.announcement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.switchboard.broker.Fanout;
import io.switchboard.system.AfterCommit;
import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import io.switchboard.system.WireNames;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an admin's announcement, then, once it commits, publishes it to the admin's
 * workspace; lists what a client missed.
 */
@Service
class Announcements {

	private final NamedParameterJdbcTemplate jdbc;

	private final UserDirectory users;

	private final Fanout fanout;

	Announcements(NamedParameterJdbcTemplate jdbc, UserDirectory users, Fanout fanout) {
		this.jdbc = jdbc;
		this.users = users;
		this.fanout = fanout;
	}

	@Transactional
	AnnouncementView post(CurrentUser author, String title, String body, Severity severity) {
		if (!author.has(Role.ADMIN)) {
			throw RequestRefused.forbidden("only admins post announcements");
		}
		Instant now = Timestamps.now();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(
				"insert into announcements (workspace_id, author_id, title, body, severity, created_at) "
						+ "values (:workspace, :author, :title, :body, :severity, :at)",
				new MapSqlParameterSource("workspace", author.workspaceId()).addValue("author", author.id())
					.addValue("title", title)
					.addValue("body", body)
					.addValue("severity", severity.wireName())
					.addValue("at", Timestamps.forJdbc(now)),
				key, new String[] { "id" });
		UserSummary shownAs = this.users.summaries(List.of(author.id())).getOrDefault(author.id(), author.summary());
		AnnouncementView view = new AnnouncementView(key.getKey().longValue(), title, body, severity, shownAs, now);
		AfterCommit.run(() -> this.fanout.publishAnnouncement(author.workspaceId(), view));
		return view;
	}

	/**
	 * The workspace's announcements after {@code afterId}, oldest first.
	 */
	@Transactional(readOnly = true)
	List<AnnouncementView> after(CurrentUser reader, long afterId, int limit) {
		List<Row> rows = this.jdbc.query(
				"select id, author_id, title, body, severity, created_at from announcements "
						+ "where workspace_id = :workspace and id > :after order by id fetch first :limit rows only",
				Map.of("workspace", reader.workspaceId(), "after", afterId, "limit", limit),
				(row, i) -> new Row(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
						WireNames.parse(Severity.class, row.getString(5)),
						row.getObject(6, OffsetDateTime.class).toInstant()));
		Map<Long, UserSummary> authors = this.users.summaries(rows.stream().map(Row::authorId).distinct().toList());
		return rows.stream()
			.map((row) -> new AnnouncementView(row.id(), row.title(), row.body(), row.severity(),
					authors.get(row.authorId()), row.createdAt()))
			.toList();
	}

	private record Row(long id, long authorId, String title, String body, Severity severity, Instant createdAt) {

	}

}
