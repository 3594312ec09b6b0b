package io.switchboard.system;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for control characters in what people write ({@link PlainText}): none but
 * line feed, carriage return and tab. For text that does not arrive as a validated
 * request, such as what a publisher hands over in the JVM or through the broker.
 */
public final class ControlCharacters {

	/** The rule, as a {@code bad_request} states it after the field's name. */
	public static final String RULE = "must not contain control characters other than line breaks and tabs";

	private ControlCharacters() {
	}

	public static boolean absent(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (refused(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @throws RequestRefused {@code bad_request}, naming the field, if the text has one
	 */
	public static void require(String field, @Nullable CharSequence text) {
		if (text != null && !absent(text)) {
			throw RequestRefused.badRequest(field + ": " + RULE);
		}
	}

	/**
	 * The text without them, for text the server takes as it comes, such as the names an
	 * external issuer's tokens carry.
	 */
	public static String removed(String text) {
		if (absent(text)) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		text.chars().filter((c) -> !refused((char) c)).forEach((c) -> kept.append((char) c));
		return kept.toString();
	}

	private static boolean refused(char c) {
		return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
	}

}
