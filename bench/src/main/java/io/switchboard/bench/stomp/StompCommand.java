package io.switchboard.bench.stomp;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * The server frames the client acts on; anything else is {@link #OTHER}.
 */
public enum StompCommand {

	CONNECTED, MESSAGE, RECEIPT, ERROR, OTHER;

	private static final StompCommand[] KNOWN = { MESSAGE, RECEIPT, CONNECTED, ERROR };

	private final byte[] ascii = name().getBytes(StandardCharsets.US_ASCII);

	/**
	 * The command in {@code buf[from, to)}, matched without making a String: MESSAGE
	 * frames arrive by the hundred thousand per second.
	 */
	static StompCommand of(ByteBuf buf, int from, int to) {
		for (StompCommand command : KNOWN) {
			if (command.matches(buf, from, to)) {
				return command;
			}
		}
		return OTHER;
	}

	private boolean matches(ByteBuf buf, int from, int to) {
		if (to - from != this.ascii.length) {
			return false;
		}
		for (int i = 0; i < this.ascii.length; i++) {
			if (buf.getByte(from + i) != this.ascii[i]) {
				return false;
			}
		}
		return true;
	}

}
