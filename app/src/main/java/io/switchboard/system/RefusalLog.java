package io.switchboard.system;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per refused request or frame, without a stack trace, at most
 * {@value #LINES_PER_MINUTE} a minute for each place that refuses: a client sending a
 * flood of bad frames cannot flood the log. The lines a minute held back are counted, and
 * the count is logged with the first line of a later minute.
 */
public final class RefusalLog {

	static final int LINES_PER_MINUTE = 20;

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

	private final Logger logger;

	private final int linesPerMinute;

	private final LongSupplier nanoTime;

	private long minuteStartedAt;

	private int logged;

	private int heldBack;

	public RefusalLog(Class<?> refuser) {
		this(LoggerFactory.getLogger(refuser), LINES_PER_MINUTE, System::nanoTime);
	}

	RefusalLog(Logger logger, int linesPerMinute, LongSupplier nanoTime) {
		this.logger = logger;
		this.linesPerMinute = linesPerMinute;
		this.nanoTime = nanoTime;
		this.minuteStartedAt = nanoTime.getAsLong();
	}

	/**
	 * Logs the line at INFO, unless this minute's lines are used up. A throwable among
	 * the arguments is written as its message, never with its stack trace.
	 */
	public void info(String format, Object... arguments) {
		if (!this.logger.isInfoEnabled()) {
			return;
		}
		int heldBackBefore;
		synchronized (this) {
			long now = this.nanoTime.getAsLong();
			heldBackBefore = 0;
			if (now - this.minuteStartedAt >= MINUTE) {
				heldBackBefore = this.heldBack;
				this.minuteStartedAt = now;
				this.logged = 0;
				this.heldBack = 0;
			}
			if (this.logged >= this.linesPerMinute) {
				this.heldBack++;
				return;
			}
			this.logged++;
		}
		if (heldBackBefore > 0) {
			this.logger.info("{} more refusals like the ones above were not logged", heldBackBefore);
		}
		this.logger.info(format, withoutStackTraces(arguments));
	}

	private static Object[] withoutStackTraces(Object[] arguments) {
		Object[] plain = arguments.clone();
		for (int i = 0; i < plain.length; i++) {
			if (plain[i] instanceof Throwable failure) {
				plain[i] = failure.toString();
			}
		}
		return plain;
	}

}
