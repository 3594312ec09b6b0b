package io.switchboard.broker;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeType;

/**
 * The ERROR frame that ends a session (PROTOCOL.md section 5): a short {@code message}
 * header that starts with the reason's code, and the detail as the frame's plain-text
 * body.
 * <p>
 * The header never holds a character STOMP escapes ({@code :}, {@code \}, CR, LF):
 * clients such as stompjs do not unescape the headers of frames that come before
 * CONNECTED, and would show {@code \c} to their users.
 *
 * @param message the {@code message} header, e.g. {@code unauthorized - token expired}
 * @param detail the body, e.g. why the token was refused
 */
public record ErrorFrame(String message, String detail) {

	private static final MimeType TEXT = new MimeType("text", "plain", StandardCharsets.UTF_8);

	public ErrorFrame {
		message = headerSafe(message);
		detail = bodySafe(detail);
	}

	/**
	 * A CONNECT without a valid token, or a session whose token no longer counts.
	 */
	public static ErrorFrame unauthorized(String detail) {
		return new ErrorFrame("unauthorized", detail);
	}

	public static ErrorFrame tokenExpired() {
		return new ErrorFrame("unauthorized - token expired", "the token expired; connect again with a new one");
	}

	static ErrorFrame protocolError(String detail) {
		return new ErrorFrame("protocol error", detail);
	}

	static ErrorFrame heartbeatTimeout(String detail) {
		return new ErrorFrame("heart-beat timeout", detail);
	}

	static ErrorFrame slowConsumer(String detail) {
		return new ErrorFrame("slow consumer", detail);
	}

	/**
	 * The frame as Spring's outbound channel takes it, for the session it ends.
	 */
	public Message<byte[]> toMessage(@Nullable String sessionId, @Nullable String receiptId) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(this.message);
		error.setContentType(TEXT);
		if (sessionId != null) {
			error.setSessionId(sessionId);
		}
		if (receiptId != null) {
			error.setReceiptId(receiptId);
		}
		error.setLeaveMutable(true);
		return MessageBuilder.createMessage(this.detail.getBytes(StandardCharsets.UTF_8), error.getMessageHeaders());
	}

	/**
	 * The frame as the engine writes it to a socket.
	 */
	String encoded() {
		return "ERROR\nmessage:" + this.message + "\ncontent-type:" + TEXT + "\ncontent-length:"
				+ this.detail.getBytes(StandardCharsets.UTF_8).length + "\n\n" + this.detail + "\0";
	}

	@Override
	public String toString() {
		return this.message + ": " + this.detail;
	}

	private static String headerSafe(String text) {
		StringBuilder safe = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			safe.append((c == ':' || c == '\\' || Character.isISOControl(c)) ? ' ' : c);
		}
		return safe.toString().strip();
	}

	/**
	 * Clients split what the server sends at NUL bytes, so the body has none.
	 */
	private static String bodySafe(String text) {
		return text.replace('\0', '\uFFFD');
	}

}
