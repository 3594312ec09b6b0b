package io.switchboard.system;

import java.sql.PreparedStatement;
import java.util.Collection;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A query about many rows at once, given their ids as one array parameter
 * ({@code id = any(?)}) rather than as an IN list. PostgreSQL plans it once however many
 * ids there are, where a prepared statement's generic plan for a long IN list can compare
 * every row with every parameter, and there is no limit on the number of parameters to
 * chunk around.
 */
public final class IdArrayQuery {

	private IdArrayQuery() {
	}

	/**
	 * Runs the query and hands each row to {@code rows}.
	 * @param sql a query whose last parameter is the array, as in
	 * {@code ... and id = any(?)}
	 * @param ids the ids, bound as a {@code bigint} array
	 * @param leading the parameters before the array, in order
	 */
	public static void query(JdbcOperations jdbc, String sql, Collection<Long> ids, RowCallbackHandler rows,
			Object... leading) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.query((connection) -> {
			PreparedStatement query = connection.prepareStatement(sql);
			for (int i = 0; i < leading.length; i++) {
				query.setObject(i + 1, leading[i]);
			}
			query.setArray(leading.length + 1, connection.createArrayOf("bigint", ids.toArray()));
			return query;
		}, rows);
	}

}
