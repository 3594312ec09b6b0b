package io.switchboard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.switchboard.bench.fanout.FanoutSettings;
import io.switchboard.bench.notify.NotifySettings;
import io.switchboard.bench.server.ServerOptions;
import io.switchboard.bench.setup.DatabaseAccess;
import io.switchboard.bench.write.WriteScenario;
import io.switchboard.bench.write.WriteSettings;

/**
 * Everything a run is told on its command line.
 *
 * @param server which server to measure
 * @param scenarios any of {@code fanout}, {@code write}, {@code heap} and {@code notify}
 * @param subscribers subscriber counts, one fanout run each per rate
 * @param pacedRate the steady rate, in stored messages per second, besides flat out
 * @param sessions idle session counts, ascending
 * @param warmup fanout sending before measuring
 * @param duration fanout measuring
 * @param publishers fanout sending sessions
 * @param window a flat-out publisher's SENDs awaiting their RECEIPT
 * @param connectConcurrency sessions connecting at once
 * @param clientThreads the client's event loop threads
 * @param writeRuns the write path runs
 * @param notifications the notification publications
 * @param help print the usage and stop
 */
public record BenchOptions(ServerOptions server, Set<String> scenarios, List<Integer> subscribers, double pacedRate,
		List<Integer> sessions, Duration warmup, Duration duration, int publishers, int window, int connectConcurrency,
		int clientThreads, List<WriteSettings> writeRuns, NotifySettings notifications, boolean help) {

	static final String USAGE = """
			usage: bench/run.sh [options]      (or java -jar bench/target/switchboard-bench-0.1.0-SNAPSHOT.jar)

			  --scenarios fanout,write,heap,notify
			                               what to run (default all four)
			  --subscribers 100,1000       fanout subscriber counts
			  --rate 50                    the steady fanout rate in stored msg/s, run besides flat out
			  --publishers 4               fanout sending sessions, each a different channel member
			  --window 32                  a flat-out publisher's SENDs awaiting their RECEIPT
			  --warmup 5                   seconds of fanout before measuring (also 5s, 500ms)
			  --duration 20                seconds of fanout measured
			  --sessions 1000,5000,10000   idle session counts for heap per session
			  --notify-recipients 10000    users each notification is published to (at most 10,000)
			  --notify-connected 1000      of those, how many are connected and subscribed
			  --notify-runs 5              notifications published, one after another

			  --write-runs 1x10,1x1/128,100x2,1x10@500
			                               write path runs, CxS[/W][@R]: C channels with S
			                               senders each, flat out with W SENDs awaiting their
			                               RECEIPT (default --window) or R msg/s in total;
			                               the default is the write path's four goal runs
			  --connect-concurrency 200    sessions connecting at once
			  --client-threads N           client event loop threads (default: cores)

			The server, started by the bench (default):
			  --server-jar PATH            default app/target/switchboard-app-0.1.0-SNAPSHOT.jar
			  --server-java PATH           the JVM running it (default: java on PATH)
			  --server-jvm-args "ARGS"     extra JVM flags for it, e.g. "-Xmx2g -XX:+UseZGC"
			  --postgres-url URL           where its fresh database is created and dropped
			                               (default jdbc:postgresql://127.0.0.1:5432/postgres)
			  --postgres-user postgres     --postgres-password ''
			  --log-dir bench/target       where its output goes

			Or a server already running on this machine:
			  --url http://127.0.0.1:8080  its base URL
			  --jwt-secret SECRET          its switchboard.security.jwt-secret
			  --jdbc-url URL               its database, for creating users (--jdbc-user, --jdbc-password)
			  --server-pid PID             its process id; without it the heap scenario is skipped
			""";

	private static final Set<String> OPTIONS = Set.of("scenarios", "subscribers", "rate", "publishers", "window",
			"warmup", "duration", "sessions", "connect-concurrency", "client-threads", "server-jar", "server-java",
			"server-jvm-args", "postgres-url", "postgres-user", "postgres-password", "log-dir", "url", "jwt-secret",
			"jdbc-url", "jdbc-user", "jdbc-password", "server-pid", "write-runs", "notify-recipients",
			"notify-connected", "notify-runs", "help");

	private static final Set<String> SCENARIOS = Set.of("fanout", "write", "heap", "notify");

	public static BenchOptions parse(String[] args) {
		CommandLine line = new CommandLine(args, OPTIONS);
		List<String> scenarios = line.words("scenarios", "fanout,write,heap,notify");
		for (String scenario : scenarios) {
			if (!SCENARIOS.contains(scenario)) {
				throw new UsageError("unknown scenario '" + scenario + "'; there are fanout, write, heap and notify");
			}
		}
		Duration warmup = line.duration("warmup", Duration.ofSeconds(5));
		Duration duration = line.duration("duration", Duration.ofSeconds(20));
		int window = line.integer("window", 32);
		List<WriteSettings> writeRuns;
		try {
			writeRuns = scenarios.contains("write")
					? WriteSettings.parse(line.words("write-runs", WriteSettings.GOALS), window, warmup, duration)
					: List.of();
		}
		catch (IllegalArgumentException ex) {
			throw new UsageError(ex.getMessage());
		}
		return new BenchOptions(server(line), Set.copyOf(scenarios), line.integers("subscribers", "100,1000"),
				line.decimal("rate", 50), line.integers("sessions", "1000,5000,10000"), warmup, duration,
				line.integer("publishers", 4), window, line.integer("connect-concurrency", 200),
				line.integer("client-threads", Runtime.getRuntime().availableProcessors()), writeRuns,
				notifySettings(line), line.has("help"));
	}

	private static NotifySettings notifySettings(CommandLine line) {
		try {
			return new NotifySettings(line.integer("notify-recipients", NotifySettings.MAX_RECIPIENTS),
					line.integer("notify-connected", 1000), line.integer("notify-runs", 5));
		}
		catch (IllegalArgumentException ex) {
			throw new UsageError(ex.getMessage());
		}
	}

	private static ServerOptions server(CommandLine line) {
		String url = line.get("url");
		String jdbcUrl = line.get("jdbc-url");
		String pid = line.get("server-pid");
		String jvmArgs = line.get("server-jvm-args", "").strip();
		if (url != null && (jdbcUrl == null || line.get("jwt-secret") == null)) {
			throw new UsageError("--url needs --jwt-secret and --jdbc-url to create users and sign their tokens");
		}
		DatabaseAccess postgres = new DatabaseAccess(Loopback
			.requireJdbc(line.get("postgres-url", "jdbc:postgresql://127.0.0.1:5432/postgres"), "--postgres-url"),
				line.get("postgres-user", "postgres"), line.get("postgres-password", ""));
		DatabaseAccess database = (jdbcUrl != null) ? new DatabaseAccess(Loopback.requireJdbc(jdbcUrl, "--jdbc-url"),
				line.get("jdbc-user", "postgres"), line.get("jdbc-password", "")) : null;
		return new ServerOptions((url != null) ? Loopback.requireHttp(url, "--url") : null,
				Path.of(line.get("server-jar", "app/target/switchboard-app-0.1.0-SNAPSHOT.jar")),
				line.get("server-java", "java"), jvmArgs.isEmpty() ? List.of() : Arrays.asList(jvmArgs.split("\\s+")),
				(pid != null) ? Long.valueOf(line.integer("server-pid", 0)) : null, line.get("jwt-secret"), database,
				postgres, Path.of(line.get("log-dir", "bench/target")), Duration.ofSeconds(90));
	}

	/**
	 * The fanout runs: flat out for each subscriber count, then the steady rate.
	 */
	List<FanoutSettings> fanoutRuns() {
		List<FanoutSettings> flatOut = this.subscribers.stream()
			.map((n) -> new FanoutSettings(n, 0, this.publishers, this.window, this.warmup, this.duration))
			.toList();
		List<FanoutSettings> paced = this.subscribers.stream()
			.map((n) -> new FanoutSettings(n, this.pacedRate, this.publishers, this.window, this.warmup, this.duration))
			.toList();
		return Stream.concat(flatOut.stream(), paced.stream()).toList();
	}

	/**
	 * Users who send: fanout's publishers or the largest write run's senders.
	 */
	int senders() {
		return Math.max(this.publishers, WriteScenario.sendersNeeded(this.writeRuns));
	}

	/**
	 * Users the run needs besides its publishers: one per subscriber, idle session or
	 * notification recipient. Scenarios share them: the first members serve each.
	 */
	int members() {
		int subscribers = this.scenarios.contains("fanout") ? this.subscribers.get(this.subscribers.size() - 1) : 0;
		int sessions = this.scenarios.contains("heap") ? this.sessions.get(this.sessions.size() - 1) : 0;
		int recipients = notifies() ? this.notifications.recipients() : 0;
		return Math.max(Math.max(subscribers, sessions), recipients);
	}

	/**
	 * Whether the run publishes notifications, and so needs a user with role PUBLISHER.
	 */
	boolean notifies() {
		return this.scenarios.contains("notify");
	}

	/**
	 * Whether the run measures a server it did not start.
	 */
	boolean targetsRunningServer() {
		return this.server.url() != null;
	}

}
