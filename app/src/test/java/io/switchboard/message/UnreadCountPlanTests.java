package io.switchboard.message;

import java.util.List;
import java.util.Map;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/channels} counts unread messages and mentions for all of a user's
 * channels in one query; on PostgreSQL that query reads, per membership, only the unread
 * range of the (channel, seq) index, never the whole messages table.
 */
@ServerTest
class UnreadCountPlanTests {

	@Autowired
	TestClients clients;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Test
	void unreadCountsForAllChannelsReadOnlyTheUnreadRangeOfEachChannel() {
		TestUser reader = this.clients.newUser();
		TestUser writer = this.clients.newUser();
		Map<String, Object> ids = Map.of("reader", reader.id(), "writer", writer.id(), "prefix",
				"plan-" + reader.id() + "-");
		// 50 channels of 400 messages each, of which the reader has read all but 5.
		this.jdbc.update("insert into channels (name, type, last_seq, created_by, created_at, workspace_id) "
				+ "select concat(:prefix, g), 'public', 400, :reader, current_timestamp, "
				+ "(select workspace_id from users where id = :reader) from generate_series(1, 50) g", ids);
		this.jdbc.update("insert into channel_members (channel_id, user_id, role, read_seq, joined_at) "
				+ "select id, :reader, 'member', 395, current_timestamp from channels where name like concat(:prefix, '%')",
				ids);
		this.jdbc
			.update("insert into messages (id, channel_id, seq, last_seq, sender_id, content, mentions, created_at) "
					+ "select nextval('message_ids'), c.id, g, g, :writer, 'x', case when g = 400 then cast(:reader as varchar) "
					+ "else '' end, current_timestamp from channels c cross join generate_series(1, 400) g "
					+ "where c.name like concat(:prefix, '%')", ids);
		this.jdbc.getJdbcTemplate().execute("analyze channels, channel_members, messages");

		List<String> plan = this.jdbc.queryForList("explain " + MessageUnreadCounter.ALL_CHANNELS,
				Map.of("user", reader.id()), String.class);
		System.out.println("Plan of the unread counts for all of a user's channels:\n" + String.join("\n", plan));
		assertThat(String.join("\n", plan)).doesNotContain("Seq Scan on messages")
			.containsPattern("Index (Only )?Scan using \\w+ on messages");

		Map<String, Object> counts = this.jdbc
			.queryForList(MessageUnreadCounter.ALL_CHANNELS, Map.of("user", reader.id()))
			.get(0);
		assertThat(counts.values()).contains(5L, 1L);
	}

}
