package io.switchboard.bench.setup;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/**
 * The run's users, written straight into the server's {@code users} table: the server has
 * no user-admin API, and it finds a token's user by name. Names carry a per-run prefix,
 * so runs against one database never collide.
 *
 * @param prefix the start of every name, unique to this run
 * @param publishers users who create the channel and send to it
 * @param members users who subscribe, sit idle or receive notifications
 * @param notifies whether the run has a {@link #notifier()}: a user with role
 * {@code PUBLISHER}, who publishes notifications to the members
 */
public record BenchUsers(String prefix, int publishers, int members, boolean notifies) {

	private static final int BATCH = 1000;

	// As the server's users.roles column spells roles: names joined by commas.
	private static final String PUBLISHER_ROLE = "PUBLISHER";

	public static BenchUsers named(int publishers, int members, boolean notifies) {
		byte[] random = new byte[3];
		new SecureRandom().nextBytes(random);
		return new BenchUsers("bench_" + HexFormat.of().formatHex(random) + "_", publishers, members, notifies);
	}

	/**
	 * Users inserted: publishers, members and the notifier, if any.
	 */
	public int count() {
		return this.publishers + this.members + (this.notifies ? 1 : 0);
	}

	public String publisher(int index) {
		return this.prefix + "p" + index;
	}

	public String member(int index) {
		return this.prefix + "m" + index;
	}

	/**
	 * The user with role {@code PUBLISHER}, inserted only if the run {@link #notifies()}.
	 */
	public String notifier() {
		return this.prefix + "notifier";
	}

	/**
	 * Inserts every user, in batches.
	 * @return their ids by user name: a token names its user by id
	 */
	public Map<String, Long> insertInto(DatabaseAccess database) throws SQLException {
		Properties properties = database.properties();
		// One multi-row INSERT per batch rather than one round trip per user.
		properties.setProperty("reWriteBatchedInserts", "true");
		try (Connection connection = DriverManager.getConnection(database.url(), properties);
				PreparedStatement insert = connection.prepareStatement(
						"insert into users (username, display_name, roles, created_at, workspace_id) values (?, ?, ?, now(), "
								+ "(select id from workspaces where name = 'default'))")) {
			connection.setAutoCommit(false);
			for (int i = 0; i < this.publishers; i++) {
				add(insert, publisher(i), "");
			}
			if (this.notifies) {
				add(insert, notifier(), PUBLISHER_ROLE);
			}
			for (int i = 0; i < this.members; i++) {
				add(insert, member(i), "");
				if ((i + 1) % BATCH == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
			connection.commit();
			analyze(connection);
			Map<String, Long> ids = new HashMap<>();
			try (PreparedStatement select = connection
				.prepareStatement("select username, id from users where username like ?")) {
				select.setString(1, this.prefix + "%");
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						ids.put(rows.getString(1), rows.getLong(2));
					}
				}
			}
			connection.commit();
			return ids;
		}
	}

	/**
	 * Gives PostgreSQL statistics that count the rows just inserted. Until autovacuum
	 * gets to it, up to a minute later, the planner takes a table that grew from a few
	 * rows to 10,000 at once for a small one: a generic plan for {@code id in (...)} with
	 * 1,000 parameters then compares every row with every parameter, about 170 ms a query
	 * instead of 2. A real server's tables have their statistics, and a run should not
	 * depend on when autovacuum wakes.
	 */
	private static void analyze(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze users");
		}
		connection.commit();
	}

	private static void add(PreparedStatement insert, String username, String roles) throws SQLException {
		insert.setString(1, username);
		insert.setString(2, "Bench " + username);
		insert.setString(3, roles);
		insert.addBatch();
	}

}
