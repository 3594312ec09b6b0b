package io.switchboard.message;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code @username} mentions in a message's content.
 */
final class Mentions {

	/** Not preceded by a word character, so e-mail addresses are not mentions. */
	private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9_.-]{1,32})");

	private Mentions() {
	}

	static Set<String> usernamesIn(String content) {
		Set<String> usernames = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(content);
		while (matcher.find()) {
			String name = matcher.group(1);
			// A trailing dot ends a sentence, not a name: "thanks @bob."
			while (name.endsWith(".")) {
				name = name.substring(0, name.length() - 1);
			}
			if (!name.isEmpty()) {
				usernames.add(name.toLowerCase(Locale.ROOT));
			}
		}
		return usernames;
	}

}
