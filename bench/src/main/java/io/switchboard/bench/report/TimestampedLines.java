package io.switchboard.bench.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Starts each line of progress with the time of day, so that it can be matched with the
 * server's log.
 */
public final class TimestampedLines extends FilterOutputStream {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private boolean atLineStart = true;

	public TimestampedLines(OutputStream out) {
		super(out);
	}

	@Override
	public void write(int b) throws IOException {
		if (this.atLineStart) {
			this.out.write(("[" + LocalTime.now().format(TIME) + "] ").getBytes(StandardCharsets.US_ASCII));
		}
		this.out.write(b);
		this.atLineStart = (b == '\n');
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		for (int i = offset; i < offset + length; i++) {
			write(bytes[i]);
		}
	}

}
