package io.switchboard.system;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads every row of an owner, such as a user's messages, a page at a time by increasing
 * id, so that a long history is never held in memory whole: the PostgreSQL driver reads a
 * whole result set at once.
 */
public final class KeysetPages {

	private KeysetPages() {
	}

	/**
	 * @param sql a query whose parameters are the owner's id, the id to read after and
	 * the page size, in that order, and whose first column is the row's id, e.g.
	 * {@code ... where sender_id = ? and id > ? order by id limit ?}
	 */
	public static void readAll(JdbcTemplate jdbc, String sql, long ownerId, int pageSize, Row row) {
		long after = 0;
		while (true) {
			long[] last = { after };
			int[] read = { 0 };
			jdbc.query(sql, (ResultSet rows) -> {
				read[0]++;
				last[0] = rows.getLong(1);
				row.read(rows);
			}, ownerId, after, pageSize);
			if (read[0] < pageSize) {
				return;
			}
			after = last[0];
		}
	}

	/**
	 * What is done with each row.
	 */
	@FunctionalInterface
	public interface Row {

		void read(ResultSet row) throws SQLException;

	}

}
