package io.switchboard.bench.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.switchboard.bench.BenchFailure;
import io.switchboard.bench.setup.DatabaseAccess;
import org.jspecify.annotations.Nullable;

/**
 * The server a run measures, and how to reach its database and sign its tokens. When the
 * bench started the server, closing the target stops it and drops its database; a
 * shutdown hook does the same on Ctrl-C.
 */
public final class BenchTarget implements AutoCloseable {

	private static final String SECRET_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final URI baseUrl;

	private final DatabaseAccess database;

	private final String jwtSecret;

	private final @Nullable HeapProbe heap;

	private final @Nullable ServerProcess process;

	private final @Nullable BenchDatabase createdDatabase;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Thread cleanupOnExit = new Thread(this::closeQuietly, "bench-cleanup");

	private BenchTarget(URI baseUrl, DatabaseAccess database, String jwtSecret, @Nullable HeapProbe heap,
			@Nullable ServerProcess process, @Nullable BenchDatabase createdDatabase) {
		this.baseUrl = baseUrl;
		this.database = database;
		this.jwtSecret = jwtSecret;
		this.heap = heap;
		this.process = process;
		this.createdDatabase = createdDatabase;
	}

	/**
	 * Starts a server on a free port with a fresh database and waits until it is ready.
	 */
	public static BenchTarget start(ServerOptions options, PrintStream progress) throws InterruptedException {
		if (!Files.isRegularFile(options.jar())) {
			throw new BenchFailure("no server jar at " + options.jar().toAbsolutePath()
					+ ": build it with ./mvnw -pl app -am package -DskipTests, or pass --server-jar");
		}
		BenchDatabase database = BenchDatabase.create(options.postgres());
		Path log = options.logDir()
			.resolve("server-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log")
			.toAbsolutePath();
		URI baseUrl = URI.create("http://127.0.0.1:" + freePort());
		String secret = randomSecret(48);
		ServerProcess process;
		try {
			process = ServerProcess.start(new ServerLaunch(options.java(), options.jvmArgs(), options.jar(),
					baseUrl.getPort(), database.access(), secret, log));
		}
		catch (BenchFailure ex) {
			dropQuietly(database);
			throw ex;
		}
		BenchTarget target = new BenchTarget(baseUrl, database.access(), secret,
				new HeapProbe(HeapProbe.jcmdBeside(options.java()), process.pid()), process, database);
		Runtime.getRuntime().addShutdownHook(target.cleanupOnExit);
		progress.printf("server: pid %d on %s, database %s, log %s%n", process.pid(), baseUrl, database.name(), log);
		try {
			process.awaitReady(baseUrl, options.startTimeout());
		}
		catch (RuntimeException | InterruptedException ex) {
			target.close();
			throw ex;
		}
		return target;
	}

	/**
	 * A server that is already running; the bench leaves it and its database as they are,
	 * apart from the users and channels a run adds.
	 */
	public static BenchTarget existing(ServerOptions options) throws InterruptedException {
		URI url = options.url();
		if (url == null || options.jwtSecret() == null || options.database() == null) {
			throw new BenchFailure("--url needs --jwt-secret and --jdbc-url to create users and sign their tokens");
		}
		new ReadinessCheck(url).await(Duration.ofSeconds(10));
		HeapProbe heap = (options.pid() != null) ? new HeapProbe(HeapProbe.jcmdBeside(options.java()), options.pid())
				: null;
		return new BenchTarget(url, options.database(), options.jwtSecret(), heap, null, null);
	}

	public URI baseUrl() {
		return this.baseUrl;
	}

	public URI webSocketUri() {
		return URI.create("ws://" + this.baseUrl.getHost() + ":" + this.baseUrl.getPort() + "/ws");
	}

	public DatabaseAccess database() {
		return this.database;
	}

	public String jwtSecret() {
		return this.jwtSecret;
	}

	/**
	 * Heap readings, available when the bench knows the server's process id.
	 */
	public Optional<HeapProbe> heap() {
		return Optional.ofNullable(this.heap);
	}

	/**
	 * The started server's output, if the bench started it.
	 */
	public Optional<Path> serverLog() {
		return Optional.ofNullable(this.process).map(ServerProcess::log);
	}

	@Override
	public void close() throws InterruptedException {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		try {
			Runtime.getRuntime().removeShutdownHook(this.cleanupOnExit);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: this is the hook running.
		}
		if (this.process != null) {
			this.process.close();
		}
		if (this.createdDatabase != null) {
			dropQuietly(this.createdDatabase);
		}
	}

	private static void dropQuietly(BenchDatabase database) {
		try {
			database.close();
		}
		catch (Exception ex) {
			System.err.println("could not drop database " + database.name() + ": " + ex.getMessage());
		}
	}

	private void closeQuietly() {
		try {
			close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new BenchFailure("no free port on 127.0.0.1: " + ex.getMessage());
		}
	}

	private static String randomSecret(int length) {
		SecureRandom random = new SecureRandom();
		StringBuilder secret = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			secret.append(SECRET_CHARACTERS.charAt(random.nextInt(SECRET_CHARACTERS.length())));
		}
		return secret.toString();
	}

}
