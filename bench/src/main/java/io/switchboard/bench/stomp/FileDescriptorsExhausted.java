package io.switchboard.bench.stomp;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

import com.sun.management.UnixOperatingSystemMXBean;
import org.jspecify.annotations.Nullable;

/**
 * The bench process ran out of file descriptors (EMFILE): a limit of the machine, not a
 * finding about the server, so it stops the run with a message that says how to fix it.
 */
public final class FileDescriptorsExhausted extends RuntimeException {

	private static final String EMFILE = "Too many open files";

	FileDescriptorsExhausted(Throwable cause) {
		super("the bench ran out of file descriptors (EMFILE) while opening sessions; its limit is " + limit()
				+ ". Start it with bench/run.sh, which raises ulimit -n, or raise the limit yourself.", cause);
	}

	static boolean isCause(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains(EMFILE)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * This process's open-file limit, or -1 where the JVM cannot tell.
	 */
	public static long limit() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		return (os instanceof UnixOperatingSystemMXBean unix) ? unix.getMaxFileDescriptorCount() : -1;
	}

}
