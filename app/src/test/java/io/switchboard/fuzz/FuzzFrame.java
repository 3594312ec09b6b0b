package io.switchboard.fuzz;

import java.nio.charset.StandardCharsets;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;

/**
 * One frame the fuzzer sends, and what the contract says it gets.
 *
 * @param text the whole STOMP frame, NUL included
 * @param receiptId the receipt it asks for, when it is a well-formed SEND
 * @param breaksTheProtocol a frame no STOMP server can read (an unknown command, a bad
 * header escape, a frame over the size limit): answered with an ERROR frame, after which
 * the connection closes
 */
record FuzzFrame(String text, String receiptId, boolean breaksTheProtocol) {

	static FuzzFrame send(String destination, String contentType, String headerName, String headerValue, String body,
			String receiptId) {
		StringBuilder frame = new StringBuilder("SEND\ndestination:").append(escape(destination))
			.append("\nreceipt:")
			.append(receiptId)
			.append("\ncontent-type:")
			.append(escape(contentType));
		if (!headerName.isEmpty()) {
			frame.append('\n').append(escape(headerName)).append(':').append(escape(headerValue));
		}
		// The length makes a NUL inside the body part of it rather than the frame's end.
		frame.append("\ncontent-length:")
			.append(body.getBytes(StandardCharsets.UTF_8).length)
			.append("\n\n")
			.append(body)
			.append('\0');
		return new FuzzFrame(frame.toString(), receiptId, !isMimeType(contentType));
	}

	/**
	 * A content type STOMP decoders can read; any other makes the frame unreadable
	 * (PROTOCOL.md section 5), as a malformed header does.
	 */
	private static boolean isMimeType(String contentType) {
		try {
			MimeTypeUtils.parseMimeType(contentType);
			return true;
		}
		catch (InvalidMimeTypeException ex) {
			return false;
		}
	}

	static FuzzFrame unreadable(String text) {
		return new FuzzFrame(text, "", true);
	}

	/**
	 * STOMP 1.2 header escaping, so that what the fuzzer means as one header stays one.
	 */
	static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace(":", "\\c");
	}

	@Override
	public String toString() {
		String shown = this.text.length() > 300 ? this.text.substring(0, 300) + "...(" + this.text.length() + " chars)"
				: this.text;
		StringBuilder printable = new StringBuilder();
		shown.codePoints().forEach((c) -> {
			if (c == '\n' || (c >= 0x20 && c < 0x7f)) {
				printable.appendCodePoint(c);
			}
			else {
				printable.append(String.format("\\u{%x}", c));
			}
		});
		return printable.toString();
	}

}
