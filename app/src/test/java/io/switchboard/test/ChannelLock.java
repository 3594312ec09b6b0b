package io.switchboard.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;

/**
 * Holds a channel's row lock from outside the server, as a slow writer would: the
 * server's writers of that channel wait until it is released, so a test can line changes
 * up behind it.
 */
public final class ChannelLock implements AutoCloseable {

	private final Connection connection;

	private ChannelLock(Connection connection) {
		this.connection = connection;
	}

	public static ChannelLock hold(DataSource dataSource, long channelId) throws SQLException {
		Connection connection = dataSource.getConnection();
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection.prepareStatement("select id from channels where id = ? for update")) {
			lock.setLong(1, channelId);
			lock.executeQuery().close();
		}
		return new ChannelLock(connection);
	}

	/**
	 * Returns once this many other transactions wait for a lock, ours or one behind it.
	 */
	public void awaitWaiters(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> waiters() >= count);
	}

	private int waiters() throws SQLException {
		try (PreparedStatement query = this.connection
			.prepareStatement("select count(distinct l.pid) from pg_locks l join pg_stat_activity a on a.pid = l.pid "
					+ "where not l.granted and a.datname = current_database()");
				ResultSet result = query.executeQuery()) {
			result.next();
			return result.getInt(1);
		}
	}

	@Override
	public void close() throws SQLException {
		this.connection.rollback();
		this.connection.close();
	}

}
