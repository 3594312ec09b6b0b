package io.switchboard.broker;

import java.nio.charset.StandardCharsets;

/**
 * The frames the engine writes itself, as text. An event is encoded once per node: only
 * the {@code subscription} header differs between its subscribers.
 */
final class StompFrames {

	static final String HEARTBEAT = "\n";

	private StompFrames() {
	}

	/**
	 * Everything of a MESSAGE frame after its {@code subscription} header.
	 */
	static String messageTail(String destination, String messageId, byte[] json) {
		return "\ndestination:" + escape(destination) + "\nmessage-id:" + messageId
				+ "\ncontent-type:application/json\ncontent-length:" + json.length + "\n\n"
				+ new String(json, StandardCharsets.UTF_8) + "\0";
	}

	/**
	 * @param escapedSubscription the subscription id, already escaped
	 */
	static String message(String escapedSubscription, String tail) {
		return "MESSAGE\nsubscription:" + escapedSubscription + tail;
	}

	static String receipt(String receiptId) {
		return "RECEIPT\nreceipt-id:" + escape(receiptId) + "\n\n\0";
	}

	/**
	 * STOMP 1.2 header escaping: a client's id may hold any character.
	 */
	static String escape(String value) {
		StringBuilder escaped = null;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			String replacement = switch (c) {
				case '\\' -> "\\\\";
				case ':' -> "\\c";
				case '\n' -> "\\n";
				case '\r' -> "\\r";
				default -> null;
			};
			if (replacement != null && escaped == null) {
				escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
			}
			if (escaped != null) {
				if (replacement != null) {
					escaped.append(replacement);
				}
				else {
					escaped.append(c);
				}
			}
		}
		return (escaped != null) ? escaped.toString() : value;
	}

}
