package io.switchboard.bench.stomp;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * One frame from the server, kept as the bytes it arrived in. Headers are decoded only
 * when asked for, so a MESSAGE whose body is all that matters costs no Strings. Valid
 * only during the listener call that receives it.
 */
public final class StompFrame {

	private final StompCommand command;

	private final ByteBuf bytes;

	private final int headersStart;

	private final int bodyStart;

	StompFrame(StompCommand command, ByteBuf bytes, int headersStart, int bodyStart) {
		this.command = command;
		this.bytes = bytes;
		this.headersStart = headersStart;
		this.bodyStart = bodyStart;
	}

	public StompCommand command() {
		return this.command;
	}

	/**
	 * The frame's bytes; the body is {@code [bodyStart(), bodyEnd())}.
	 */
	public ByteBuf bytes() {
		return this.bytes;
	}

	public int bodyStart() {
		return this.bodyStart;
	}

	public int bodyEnd() {
		return this.bytes.writerIndex();
	}

	public String body() {
		return this.bytes.toString(this.bodyStart, bodyEnd() - this.bodyStart, StandardCharsets.UTF_8);
	}

	/**
	 * The first value of the header, as STOMP 1.2 says repeated headers count.
	 */
	public @Nullable String header(String name) {
		int lineStart = this.headersStart;
		int headersEnd = this.bodyStart - 1;
		while (lineStart < headersEnd) {
			int eol = this.bytes.indexOf(lineStart, headersEnd, (byte) '\n');
			int lineEnd = (eol < 0) ? headersEnd : eol;
			if (lineEnd > lineStart && this.bytes.getByte(lineEnd - 1) == '\r') {
				lineEnd--;
			}
			if (isHeader(lineStart, lineEnd, name)) {
				String value = this.bytes.toString(lineStart + name.length() + 1,
						lineEnd - lineStart - name.length() - 1, StandardCharsets.UTF_8);
				// CONNECTED is the one server frame whose headers are not escaped.
				return (this.command == StompCommand.CONNECTED) ? value : unescape(value);
			}
			lineStart = (eol < 0) ? headersEnd : eol + 1;
		}
		return null;
	}

	void release() {
		this.bytes.release();
	}

	private boolean isHeader(int lineStart, int lineEnd, String name) {
		if (lineEnd - lineStart <= name.length() || this.bytes.getByte(lineStart + name.length()) != ':') {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (this.bytes.getByte(lineStart + i) != name.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			return value;
		}
		StringBuilder result = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				result.append(switch (next) {
					case 'n' -> '\n';
					case 'r' -> '\r';
					case 'c' -> ':';
					default -> next;
				});
			}
			else {
				result.append(c);
			}
		}
		return result.toString();
	}

	@Override
	public String toString() {
		return this.command + " " + this.bytes.toString(StandardCharsets.UTF_8);
	}

}
