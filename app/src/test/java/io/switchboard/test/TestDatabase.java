package io.switchboard.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

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

	/**
	 * Why the run has no database, once that is known: every later test fails at once
	 * with the same words rather than trying again.
	 */
	private static volatile Unavailable unavailable;

	public static TestDatabase get() {
		if (instance == null) {
			synchronized (TestDatabase.class) {
				if (unavailable != null) {
					throw unavailable;
				}
				if (instance == null) {
					try {
						instance = create();
					}
					catch (Unavailable ex) {
						unavailable = ex;
						System.err.println("\n*** " + ex.getMessage() + "\n");
						throw ex;
					}
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
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		// Fail within seconds where nothing answers, not after the driver's default.
		properties.setProperty("connectTimeout", "5");
		try (Connection connection = DriverManager.getConnection(url, properties);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new Unavailable(explain(ex, url, user));
		}
	}

	/**
	 * Says what went wrong in words that say what to do: an authentication failure is not
	 * a server that is down.
	 */
	private static String explain(SQLException ex, String url, String user) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		String settings = "set SWITCHBOARD_TEST_POSTGRES_URL, _USERNAME and _PASSWORD for another server, "
				+ "or SWITCHBOARD_TEST_DATABASE_URL for a database to use as it is";
		if (state.startsWith("28")) {
			return "The tests' PostgreSQL at " + url + " refused user '" + user + "': " + ex.getMessage() + ". Grant "
					+ "it, or " + settings + ".";
		}
		if (state.startsWith("08")) {
			return "The tests need PostgreSQL and found none: no Docker engine for Testcontainers, and nothing "
					+ "answers at " + url + " (" + ex.getMessage() + "). Start PostgreSQL there (trust or password "
					+ "authentication for user '" + user + "'), start Docker, or " + settings + ".";
		}
		return "The tests' PostgreSQL at " + url + " failed: " + ex.getMessage() + " (SQLState " + state + "); "
				+ settings + ".";
	}

	/**
	 * Asks Testcontainers only where a Docker engine could be: asked with none, it logs
	 * an ERROR that a passing build should not show.
	 */
	private static boolean dockerAvailable() {
		if (!dockerConfigured()) {
			return false;
		}
		Logger testcontainers = (Logger) LoggerFactory.getLogger("org.testcontainers");
		Level level = testcontainers.getLevel();
		testcontainers.setLevel(Level.OFF);
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
		finally {
			testcontainers.setLevel(level);
		}
	}

	private static boolean dockerConfigured() {
		if (System.getenv("DOCKER_HOST") != null) {
			return true;
		}
		String home = System.getProperty("user.home");
		String runtime = System.getenv("XDG_RUNTIME_DIR");
		return Stream
			.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker", "run", "docker.sock"),
					Path.of(home, ".testcontainers.properties"),
					(runtime != null) ? Path.of(runtime, "docker.sock") : Path.of("/nonexistent"))
			.anyMatch(Files::exists);
	}

	/**
	 * No database for the run, and why; no stack trace, as the words say it all.
	 */
	static final class Unavailable extends IllegalStateException {

		Unavailable(String message) {
			super(message, null);
			setStackTrace(new StackTraceElement[0]);
		}

	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
