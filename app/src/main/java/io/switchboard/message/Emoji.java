package io.switchboard.message;

import java.util.regex.Pattern;

/**
 * What a reaction may be: one grapheme cluster (an emoji with its skin tone, joiners and
 * flags counts as one), or a custom {@code :name:}.
 */
final class Emoji {

	private static final Pattern NAMED = Pattern.compile(":[a-z0-9_+-]{1,32}:");

	private static final Pattern ONE_GRAPHEME = Pattern.compile("\\X");

	/** The longest grapheme cluster accepted, in UTF-16 units: family emoji run to 11. */
	private static final int MAX_GRAPHEME_LENGTH = 32;

	private Emoji() {
	}

	static boolean isValid(String emoji) {
		if (NAMED.matcher(emoji).matches()) {
			return true;
		}
		if (emoji.isEmpty() || emoji.length() > MAX_GRAPHEME_LENGTH || !ONE_GRAPHEME.matcher(emoji).matches()) {
			return false;
		}
		int first = emoji.codePointAt(0);
		int type = Character.getType(first);
		// A grapheme that shows nothing (a space, a control or a lone joiner) is no
		// reaction.
		return !Character.isWhitespace(first) && !Character.isSpaceChar(first) && type != Character.CONTROL
				&& type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.SURROGATE
				&& type != Character.PRIVATE_USE;
	}

}
