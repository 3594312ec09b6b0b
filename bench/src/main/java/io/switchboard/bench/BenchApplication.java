package io.switchboard.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.switchboard.bench.fanout.FanoutResult;
import io.switchboard.bench.fanout.FanoutScenario;
import io.switchboard.bench.fanout.FanoutSettings;
import io.switchboard.bench.idle.IdleSessionResult;
import io.switchboard.bench.idle.IdleSessionScenario;
import io.switchboard.bench.notify.NotificationApi;
import io.switchboard.bench.notify.NotifyResult;
import io.switchboard.bench.notify.NotifyScenario;
import io.switchboard.bench.notify.NotifySettings;
import io.switchboard.bench.report.Environment;
import io.switchboard.bench.report.ResultTable;
import io.switchboard.bench.report.TimestampedLines;
import io.switchboard.bench.sending.ScenarioParts;
import io.switchboard.bench.server.BenchTarget;
import io.switchboard.bench.server.HeapProbe;
import io.switchboard.bench.setup.BenchUsers;
import io.switchboard.bench.setup.ChannelApi;
import io.switchboard.bench.setup.TokenMinter;
import io.switchboard.bench.stomp.FileDescriptorsExhausted;
import io.switchboard.bench.stomp.SessionOpener;
import io.switchboard.bench.stomp.StompClient;
import io.switchboard.bench.write.WriteResult;
import io.switchboard.bench.write.WriteScenario;
import io.switchboard.bench.write.WriteSettings;

/**
 * Runs the chosen scenarios against one server and prints the table. Exits 0 when every
 * scenario measured, 1 when one could not, 2 when the run could not start, 64 on bad
 * options.
 */
public final class BenchApplication {

	// One session's connect, handshake, CONNECT and subscription receipts.
	private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(30);

	private final BenchOptions options;

	private final PrintStream out;

	private final PrintStream progress;

	private final List<String> notes = new ArrayList<>();

	private boolean anyFailed;

	BenchApplication(BenchOptions options, PrintStream out) {
		this.options = options;
		this.out = out;
		this.progress = new PrintStream(new TimestampedLines(out), true, StandardCharsets.UTF_8);
	}

	public static void main(String[] args) {
		int status;
		try {
			BenchOptions options = BenchOptions.parse(args);
			if (options.help()) {
				System.out.print(BenchOptions.USAGE);
				status = 0;
			}
			else {
				status = new BenchApplication(options, System.out).run();
			}
		}
		catch (UsageError ex) {
			System.err.println("bench: " + ex.getMessage() + " (see --help)");
			status = 64;
		}
		catch (BenchFailure ex) {
			System.err.println("bench: " + ex.getMessage());
			status = 2;
		}
		catch (Exception ex) {
			System.err.println("bench failed: " + ex);
			ex.printStackTrace();
			status = 2;
		}
		System.exit(status);
	}

	int run() throws InterruptedException, SQLException {
		warnAboutFileLimit();
		try (BenchTarget target = this.options.targetsRunningServer() ? BenchTarget.existing(this.options.server())
				: BenchTarget.start(this.options.server(), this.progress)) {
			BenchUsers users = BenchUsers.named(this.options.senders(), this.options.members(),
					this.options.notifies());
			this.progress.printf("users: inserting %,d into %s%n", users.count(), target.database().url());
			Map<String, Long> userIds = users.insertInto(target.database());
			TokenMinter tokens = new TokenMinter(target.jwtSecret(), userIds);
			List<FanoutResult> fanout = new ArrayList<>();
			List<WriteResult> write = new ArrayList<>();
			List<IdleSessionResult> idle = new ArrayList<>();
			List<NotifyResult> notify = new ArrayList<>();
			String transport;
			try (StompClient client = new StompClient(target.webSocketUri(), this.options.clientThreads())) {
				transport = client.transport();
				SessionOpener opener = new SessionOpener(client, this.options.connectConcurrency(), SESSION_TIMEOUT);
				try {
					ScenarioParts parts = new ScenarioParts(client, opener, new ChannelApi(target.baseUrl()), users,
							tokens, target.heap().map(HeapProbe::pid), this.progress);
					if (this.options.scenarios().contains("fanout")) {
						fanout.addAll(runFanout(new FanoutScenario(parts)));
					}
					if (this.options.scenarios().contains("write")) {
						write.addAll(runWrite(new WriteScenario(parts)));
					}
					if (this.options.scenarios().contains("heap")) {
						idle.addAll(runIdle(target.heap(), opener, users, tokens));
					}
					// Last, so that the scenarios before it measure as they did before it
					// existed.
					if (this.options.notifies()) {
						NotificationApi api = new NotificationApi(target.baseUrl());
						notify.add(runNotify(new NotifyScenario(parts, api, userIds)));
					}
				}
				catch (FileDescriptorsExhausted ex) {
					this.notes.add(ex.getMessage());
					this.anyFailed = true;
				}
			}
			String serverJvm = serverJvm(target.heap());
			target.serverLog().ifPresent(this::summarizeLog);
			new ResultTable(this.out).print(fanout, write, idle, notify, this.notes, new Environment(serverJvm,
					Environment.thisJvm(), Runtime.getRuntime().availableProcessors(), transport));
		}
		return this.anyFailed ? 1 : 0;
	}

	private List<FanoutResult> runFanout(FanoutScenario scenario) throws InterruptedException {
		List<FanoutResult> results = new ArrayList<>();
		for (FanoutSettings settings : this.options.fanoutRuns()) {
			this.progress.printf("%s, %,d subscribers%n", settings.label(), settings.subscribers());
			FanoutResult result = scenario.run(settings);
			this.anyFailed |= result.failure() != null;
			results.add(result);
		}
		return results;
	}

	private List<WriteResult> runWrite(WriteScenario scenario) throws InterruptedException {
		List<WriteResult> results = new ArrayList<>();
		for (WriteSettings settings : this.options.writeRuns()) {
			this.progress.printf("write path, %s%n", settings.label());
			WriteResult result = scenario.run(settings);
			this.anyFailed |= result.failure() != null;
			results.add(result);
		}
		return results;
	}

	private NotifyResult runNotify(NotifyScenario scenario) throws InterruptedException {
		NotifySettings settings = this.options.notifications();
		this.progress.printf("notifications, %,d recipients, %,d connected, %d publications%n", settings.recipients(),
				settings.connected(), settings.runs());
		NotifyResult result = scenario.run(settings);
		this.anyFailed |= result.failure() != null;
		return result;
	}

	private List<IdleSessionResult> runIdle(Optional<HeapProbe> heap, SessionOpener opener, BenchUsers users,
			TokenMinter tokens) throws InterruptedException {
		if (heap.isEmpty()) {
			this.notes.add("idle sessions skipped: the bench did not start the server; pass --server-pid to measure "
					+ "its heap");
			return List.of();
		}
		this.progress.println("idle sessions, heap per session");
		List<IdleSessionResult> results = new IdleSessionScenario(opener, users, tokens, heap.get(), this.progress)
			.run(this.options.sessions());
		this.anyFailed |= results.stream().anyMatch((result) -> result.problem() != null);
		return results;
	}

	private String serverJvm(Optional<HeapProbe> heap) {
		if (heap.isEmpty()) {
			return "unknown (the bench did not start the server and has no --server-pid)";
		}
		try {
			return heap.get().vmVersion() + " (pid " + heap.get().pid() + ")";
		}
		catch (BenchFailure | InterruptedException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	/**
	 * Points at the server's log, with a count of what it complained about.
	 */
	private void summarizeLog(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			long errors = lines.stream().filter((line) -> line.contains(" ERROR ")).count();
			long warnings = lines.stream().filter((line) -> line.contains(" WARN ")).count();
			this.notes.add(String.format("server log %s: %,d lines, %,d ERROR, %,d WARN", log, lines.size(), errors,
					warnings));
		}
		catch (IOException ex) {
			this.notes.add("server log " + log + " unreadable: " + ex.getMessage());
		}
	}

	private void warnAboutFileLimit() {
		long limit = FileDescriptorsExhausted.limit();
		int needed = this.options.members() + this.options.senders() + 200;
		if (limit > 0 && limit < needed) {
			this.progress.printf("warning: this process may open %,d files but the run needs about %,d; "
					+ "start it with bench/run.sh or raise ulimit -n%n", limit, needed);
		}
	}

}
