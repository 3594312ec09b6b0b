package io.switchboard.system;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of refusals logs a few lines a minute, none with a stack trace, and says later
 * how many it held back.
 */
class RefusalLogTests {

	private final AtomicLong now = new AtomicLong();

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private final RefusalLog log;

	RefusalLogTests() {
		Logger logger = new LoggerContext().getLogger("refusals");
		logger.setLevel(Level.INFO);
		this.lines.start();
		logger.addAppender(this.lines);
		this.log = new RefusalLog(logger, 3, this.now::get);
	}

	@Test
	void aFloodLogsAFewLinesAMinuteAndCountsTheRestLater() {
		for (int i = 0; i < 10; i++) {
			this.log.info("refused frame {}", i);
		}
		assertThat(messages()).containsExactly("refused frame 0", "refused frame 1", "refused frame 2");
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(59));
		this.log.info("refused frame {}", 10);
		assertThat(messages()).hasSize(3);
		this.now.addAndGet(TimeUnit.SECONDS.toNanos(2));
		this.log.info("refused frame {}", 11);
		assertThat(messages()).endsWith("8 more refusals like the ones above were not logged", "refused frame 11");
	}

	@Test
	void aThrowableIsLoggedAsItsMessageWithoutAStackTrace() {
		this.log.info("refused: {}", new IllegalArgumentException("garbage"));
		ILoggingEvent line = this.lines.list.get(0);
		assertThat(line.getFormattedMessage()).isEqualTo("refused: java.lang.IllegalArgumentException: garbage");
		assertThat(line.getThrowableProxy()).isNull();
	}

	private List<String> messages() {
		return this.lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

}
