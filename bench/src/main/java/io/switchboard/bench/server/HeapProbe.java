package io.switchboard.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.switchboard.bench.BenchFailure;

/**
 * Reads the server's live heap with {@code jcmd GC.class_histogram}, which collects
 * garbage in a full GC before it counts, so its total is what the server really holds.
 */
public final class HeapProbe {

	private static final long JCMD_TIMEOUT_SECONDS = 180;

	private final String jcmd;

	private final long pid;

	HeapProbe(String jcmd, long pid) {
		this.jcmd = jcmd;
		this.pid = pid;
	}

	/**
	 * The jcmd that ships with a JVM, which is the one that can attach to it.
	 */
	static String jcmdBeside(String java) {
		Path javaPath = Path.of(java);
		if (javaPath.getParent() != null) {
			Path jcmd = javaPath.resolveSibling("jcmd");
			if (Files.isExecutable(jcmd)) {
				return jcmd.toString();
			}
		}
		return "jcmd";
	}

	public long pid() {
		return this.pid;
	}

	/**
	 * The live heap in bytes: the lower of two readings, because the first full GC can
	 * leave finalizable or reference-queued objects that the second one frees.
	 */
	public long liveHeapBytes() throws InterruptedException {
		return Math.min(histogramTotal(), histogramTotal());
	}

	/**
	 * The server JVM's name and version, as jcmd reports it.
	 */
	public String vmVersion() throws InterruptedException {
		List<String> lines = jcmd("VM.version");
		return lines.stream()
			.map(String::strip)
			.filter((line) -> line.contains("VM version"))
			.findFirst()
			.orElse(String.join(" ", lines));
	}

	private long histogramTotal() throws InterruptedException {
		List<String> lines = jcmd("GC.class_histogram");
		for (int i = lines.size() - 1; i >= 0; i--) {
			String[] fields = lines.get(i).strip().split("\\s+");
			if (fields.length == 3 && fields[0].equals("Total")) {
				return Long.parseLong(fields[2]);
			}
		}
		throw new BenchFailure("jcmd " + this.pid + " GC.class_histogram printed no Total line: "
				+ String.join("\n", lines.subList(0, Math.min(5, lines.size()))));
	}

	private List<String> jcmd(String command) throws InterruptedException {
		Path output = null;
		try {
			output = Files.createTempFile("switchboard-bench-jcmd", ".txt");
			Process process = new ProcessBuilder(this.jcmd, Long.toString(this.pid), command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new BenchFailure(
						"jcmd " + this.pid + " " + command + " took over " + JCMD_TIMEOUT_SECONDS + " s");
			}
			List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new BenchFailure("jcmd " + this.pid + " " + command + " failed: " + String.join("\n", lines));
			}
			return lines;
		}
		catch (IOException ex) {
			throw new BenchFailure("could not run " + this.jcmd + ": " + ex.getMessage());
		}
		finally {
			if (output != null) {
				try {
					Files.deleteIfExists(output);
				}
				catch (IOException ex) {
					// A leftover temp file is harmless.
				}
			}
		}
	}

}
