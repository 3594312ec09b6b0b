package io.switchboard.bench.server;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import io.switchboard.bench.BenchFailure;
import io.switchboard.bench.setup.DatabaseAccess;

/**
 * A database created for one run and dropped after it, so a run starts from an empty
 * schema and leaves nothing behind.
 */
final class BenchDatabase implements AutoCloseable {

	private final DatabaseAccess admin;

	private final String name;

	private BenchDatabase(DatabaseAccess admin, String name) {
		this.admin = admin;
		this.name = name;
	}

	/**
	 * @param admin a database on the server to connect to while creating this one
	 */
	static BenchDatabase create(DatabaseAccess admin) {
		byte[] random = new byte[4];
		new SecureRandom().nextBytes(random);
		BenchDatabase database = new BenchDatabase(admin, "switchboard_bench_" + HexFormat.of().formatHex(random));
		try {
			database.execute("create database " + database.name);
		}
		catch (SQLException ex) {
			throw new BenchFailure("could not create a database through " + admin + ": " + ex.getMessage());
		}
		return database;
	}

	String name() {
		return this.name;
	}

	DatabaseAccess access() {
		String url = this.admin.url();
		int query = url.indexOf('?');
		String base = (query < 0) ? url : url.substring(0, query);
		String parameters = (query < 0) ? "" : url.substring(query);
		return new DatabaseAccess(base.substring(0, base.lastIndexOf('/') + 1) + this.name + parameters,
				this.admin.username(), this.admin.password());
	}

	/**
	 * Drops the database, forcing off any connection the server left behind.
	 */
	@Override
	public void close() throws SQLException {
		execute("drop database if exists " + this.name + " with (force)");
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.admin.url(), this.admin.properties());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
