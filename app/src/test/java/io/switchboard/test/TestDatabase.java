package io.switchboard.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL database of one test run, chosen once per JVM:
 * <ol>
 * <li>{@code SWITCHBOARD_TEST_DATABASE_URL} (with {@code _USERNAME} and
 * {@code _PASSWORD}) if set, used as it is;</li>
 * <li>else a Testcontainers PostgreSQL where a Docker engine answers;</li>
 * <li>else a freshly created, uniquely named database on the PostgreSQL server at
 * {@code SWITCHBOARD_TEST_POSTGRES_URL} (default {@code 127.0.0.1:5432}, user
 * {@code postgres}), dropped when the JVM exits.</li>
 * </ol>
 */
public final class TestDatabase {

	private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres";

	private static volatile TestDatabase instance;

	private final String url;

	private final String username;

	private final String password;

	private TestDatabase(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	public static TestDatabase get() {
		if (instance == null) {
			synchronized (TestDatabase.class) {
				if (instance == null) {
					instance = create();
				}
			}
		}
		return instance;
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	private static TestDatabase create() {
		String configured = System.getenv("SWITCHBOARD_TEST_DATABASE_URL");
		if (configured != null && !configured.isBlank()) {
			return new TestDatabase(configured, env("SWITCHBOARD_TEST_DATABASE_USERNAME", "postgres"),
					env("SWITCHBOARD_TEST_DATABASE_PASSWORD", ""));
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
			container.start();
			return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
		}
		return createOnLocalServer();
	}

	/**
	 * Another empty database on the same server as the run's, for a test that needs a
	 * server to start on a database nobody has used; dropped when the JVM exits.
	 */
	public static TestDatabase another() {
		TestDatabase run = get();
		String server = run.url.substring(0, run.url.lastIndexOf('/') + 1) + "postgres";
		int query = run.url.indexOf('?');
		if (query > 0) {
			server = run.url.substring(0, run.url.lastIndexOf('/', query) + 1) + "postgres" + run.url.substring(query);
		}
		return createOn(server, run.username, run.password);
	}

	private static TestDatabase createOnLocalServer() {
		return createOn(env("SWITCHBOARD_TEST_POSTGRES_URL", DEFAULT_SERVER),
				env("SWITCHBOARD_TEST_POSTGRES_USERNAME", "postgres"), env("SWITCHBOARD_TEST_POSTGRES_PASSWORD", ""));
	}

	private static TestDatabase createOn(String server, String user, String password) {
		String name = "switchboard_test_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		execute(server, user, password, "create database " + name);
		Runtime.getRuntime()
			.addShutdownHook(new Thread(
					() -> execute(server, user, password, "drop database if exists " + name + " with (force)"),
					"drop-" + name));
		int query = server.indexOf('?');
		String url = (query > 0)
				? server.substring(0, server.lastIndexOf('/', query) + 1) + name + server.substring(query)
				: server.substring(0, server.lastIndexOf('/') + 1) + name;
		return new TestDatabase(url, user, password);
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + url
					+ "; is PostgreSQL running? Set SWITCHBOARD_TEST_DATABASE_URL to use another database", ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
