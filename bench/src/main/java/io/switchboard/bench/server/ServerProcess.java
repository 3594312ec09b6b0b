package io.switchboard.bench.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.switchboard.bench.BenchFailure;

/**
 * The server as a child process whose output goes to a log file, so that the bench's own
 * output stays readable.
 */
final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private ServerProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	static ServerProcess start(ServerLaunch launch) {
		try {
			Files.createDirectories(launch.log().getParent());
			Process process = new ProcessBuilder(launch.command()).redirectErrorStream(true)
				.redirectOutput(launch.log().toFile())
				.directory(launch.log().getParent().toFile())
				.start();
			return new ServerProcess(process, launch.log());
		}
		catch (IOException ex) {
			throw new BenchFailure("could not start the server with " + launch.java() + ": " + ex.getMessage());
		}
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	/**
	 * Waits for the server to be ready.
	 * @throws BenchFailure if the server exits or is not ready in time
	 */
	void awaitReady(URI baseUrl, Duration timeout) throws InterruptedException {
		new ReadinessCheck(baseUrl).await(timeout, this.process::isAlive);
		if (!this.process.isAlive()) {
			throw new BenchFailure("the server exited with status " + this.process.exitValue()
					+ " while starting; the end of " + this.log + ":\n" + tail(20));
		}
	}

	/**
	 * Stops the server: politely first, so it closes its sessions and its database
	 * connections, then by force.
	 */
	@Override
	public void close() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(log unreadable: " + ex.getMessage() + ")";
		}
	}

}
