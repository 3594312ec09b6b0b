package io.switchboard.bench.sending;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time the bench and the server use during a window, in cores: it tells whether a
 * result is the server's limit or the client's, since both share the machine.
 */
public final class CpuUse {

	private final ProcessHandle bench = ProcessHandle.current();

	private final Optional<ProcessHandle> server;

	private Duration benchAtStart = Duration.ZERO;

	private Duration serverAtStart = Duration.ZERO;

	private long startNanos;

	public CpuUse(Optional<Long> serverPid) {
		this.server = serverPid.flatMap(ProcessHandle::of);
	}

	public void start() {
		this.startNanos = System.nanoTime();
		this.benchAtStart = used(Optional.of(this.bench));
		this.serverAtStart = used(this.server);
	}

	public String stop() {
		double seconds = (System.nanoTime() - this.startNanos) / 1e9;
		double bench = (used(Optional.of(this.bench)).minus(this.benchAtStart).toNanos() / 1e9) / seconds;
		if (this.server.isEmpty()) {
			return String.format("CPU while measuring: bench %.2f cores", bench);
		}
		double server = (used(this.server).minus(this.serverAtStart).toNanos() / 1e9) / seconds;
		return String.format("CPU while measuring: server %.2f cores, bench %.2f cores", server, bench);
	}

	private static Duration used(Optional<ProcessHandle> process) {
		return process.flatMap((handle) -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
	}

}
