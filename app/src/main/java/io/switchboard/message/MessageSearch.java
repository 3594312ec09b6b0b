package io.switchboard.message;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.channel.ChannelAccess;
import io.switchboard.channel.event.MessageView;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the messages a user may read now: the channels they are a member of and the
 * open channels of their workspace they are not banned from; never deleted messages.
 * <p>
 * On PostgreSQL: full-text search over a generated {@code tsvector} with a GIN index, the
 * query read by {@code websearch_to_tsquery} (which takes any text without a syntax
 * error: quotes, {@code or}, {@code -}), ranked, with a snippet. Elsewhere (the H2
 * default): a case-insensitive substring match, newest first.
 */
@Service
@Transactional(readOnly = true)
class MessageSearch {

	static final int MAX_QUERY_LENGTH = 256;

	/** Marks where the snippet's matches start and end; never in stored content. */
	private static final char START = '\u0002';

	private static final char STOP = '\u0003';

	private static final String READABLE = "(m.channel_id in (select cm.channel_id from channel_members cm "
			+ "where cm.user_id = :user) or m.channel_id in (select c.id from channels c where c.workspace_id = "
			+ ":workspace and c.type in ('public', 'announcement') and not exists (select 1 from channel_sanctions s "
			+ "where s.channel_id = c.id and s.user_id = :user and s.kind = 'ban' and (s.until is null "
			+ "or s.until > current_timestamp)))) and m.deleted = false";

	private static final String FULL_TEXT = "with q as (select websearch_to_tsquery('simple', :q) as query), "
			+ "hits as (select m.id, m.content, ts_rank(m.search_vector, q.query) as rank from messages m, q "
			+ "where m.search_vector @@ q.query and " + READABLE + " %s), "
			+ "page as (select id, content, rank from hits where cast(:before as bigint) is null "
			+ "or (rank, id) < (select rank, id from hits where id = :before) "
			+ "order by rank desc, id desc fetch first :limit rows only) "
			+ "select p.id, ts_headline('simple', p.content, q.query, :options) from page p, q "
			+ "order by p.rank desc, p.id desc";

	private static final String SUBSTRING = "select m.id, m.content from messages m where lower(m.content) like :pattern "
			+ "escape '!' and " + READABLE + " %s and (cast(:before as bigint) is null or m.id < :before) "
			+ "order by m.id desc fetch first :limit rows only";

	private static final int SNIPPET_CONTEXT = 60;

	private final NamedParameterJdbcTemplate jdbc;

	private final MessageRepository messages;

	private final MessageViews views;

	private final ChannelAccess access;

	private volatile @Nullable Boolean fullText;

	MessageSearch(NamedParameterJdbcTemplate jdbc, MessageRepository messages, MessageViews views,
			ChannelAccess access) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.views = views;
		this.access = access;
	}

	/**
	 * @param before the last result's message id of the previous page
	 */
	SearchPage search(CurrentUser reader, String query, @Nullable Long channelId, @Nullable Long before, int limit) {
		String q = query.strip();
		if (q.isEmpty()) {
			throw RequestRefused.badRequest("q: must not be blank");
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			throw RequestRefused.badRequest("q: at most " + MAX_QUERY_LENGTH + " characters");
		}
		if (q.chars().anyMatch(Character::isISOControl)) {
			throw RequestRefused.badRequest("q: must not contain control characters");
		}
		if (channelId != null) {
			this.access.requireReader(channelId, reader);
		}
		MapSqlParameterSource params = new MapSqlParameterSource("user", reader.id())
			.addValue("workspace", reader.workspaceId())
			.addValue("channel", channelId)
			.addValue("before", before)
			.addValue("limit", limit + 1);
		String inChannel = (channelId != null) ? "and m.channel_id = :channel" : "";
		List<Hit> hits = new ArrayList<>();
		if (fullText()) {
			params.addValue("q", q)
				.addValue("options", "StartSel=\"" + START + "\", StopSel=\"" + STOP
						+ "\", MaxFragments=1, MaxWords=24, MinWords=8");
			this.jdbc.query(String.format(FULL_TEXT, inChannel), params,
					(RowCallbackHandler) (row) -> hits.add(Hit.marked(row.getLong(1), row.getString(2))));
		}
		else {
			params.addValue("pattern", "%" + likeEscaped(q.toLowerCase(Locale.ROOT)) + "%");
			this.jdbc.query(String.format(SUBSTRING, inChannel), params,
					(RowCallbackHandler) (row) -> hits.add(Hit.around(row.getLong(1), row.getString(2), q)));
		}
		List<Hit> page = hits.subList(0, Math.min(limit, hits.size()));
		Map<Long, MessageView> found = this.views.of(this.messages.findAllById(page.stream().map(Hit::id).toList()))
			.stream()
			.collect(Collectors.toMap(MessageView::id, Function.identity()));
		List<SearchResult> results = page.stream()
			.filter((hit) -> found.containsKey(hit.id()))
			.map((hit) -> new SearchResult(found.get(hit.id()), hit.snippet(), hit.highlights()))
			.toList();
		return new SearchPage(results, hits.size() > limit);
	}

	private boolean fullText() {
		Boolean known = this.fullText;
		if (known == null) {
			known = this.jdbc.getJdbcTemplate().execute((Connection connection) -> {
				try {
					return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
				}
				catch (SQLException ex) {
					return false;
				}
			});
			this.fullText = known;
		}
		return Boolean.TRUE.equals(known);
	}

	private static String likeEscaped(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/**
	 * @param highlights where the snippet matches the query
	 */
	record SearchResult(MessageView message, String snippet, List<Highlight> highlights) {

	}

	/**
	 * @param start the first matching character of the snippet (UTF-16 index)
	 * @param end one past the last
	 */
	record Highlight(int start, int end) {

	}

	/**
	 * @param hasMore whether another page follows; ask for it with {@code before} = the
	 * last result's message id
	 */
	record SearchPage(List<SearchResult> results, boolean hasMore) {

	}

	private record Hit(long id, String snippet, List<Highlight> highlights) {

		/**
		 * A snippet from {@code ts_headline}, its matches between the two markers.
		 */
		static Hit marked(long id, String marked) {
			StringBuilder snippet = new StringBuilder(marked.length());
			List<Highlight> highlights = new ArrayList<>();
			int start = -1;
			for (int i = 0; i < marked.length(); i++) {
				char c = marked.charAt(i);
				if (c == START) {
					start = snippet.length();
				}
				else if (c == STOP) {
					if (start >= 0 && start < snippet.length()) {
						highlights.add(new Highlight(start, snippet.length()));
					}
					start = -1;
				}
				else {
					snippet.append(c);
				}
			}
			return new Hit(id, snippet.toString(), highlights);
		}

		/**
		 * A snippet around the first occurrence of the query.
		 */
		static Hit around(long id, String content, String query) {
			int at = content.toLowerCase(Locale.ROOT).indexOf(query.toLowerCase(Locale.ROOT));
			if (at < 0) {
				return new Hit(id, content.substring(0, Math.min(content.length(), 2 * SNIPPET_CONTEXT)), List.of());
			}
			int from = Math.max(0, at - SNIPPET_CONTEXT);
			int to = Math.min(content.length(), at + query.length() + SNIPPET_CONTEXT);
			return new Hit(id, content.substring(from, to),
					List.of(new Highlight(at - from, Math.min(to, at + query.length()) - from)));
		}

	}

}
