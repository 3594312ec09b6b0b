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

	private static final Set<String> BROADCASTS = Set.of("channel", "here", "everyone");

	private Mentions() {
	}

	enum Broadcast {

		NONE, HERE, CHANNEL

	}

	/**
	 * Whom a {@code @channel} or {@code @here} in the content asks to notify: every
	 * member, those online, or, without either, nobody this way. {@code @channel} wins
	 * over {@code @here}.
	 */
	static Broadcast broadcastIn(String content) {
		Set<String> named = names(content);
		if (named.contains("channel") || named.contains("everyone")) {
			return Broadcast.CHANNEL;
		}
		return named.contains("here") ? Broadcast.HERE : Broadcast.NONE;
	}

	/**
	 * The user names mentioned, without {@code channel}, {@code here} and
	 * {@code everyone}, which no account may have.
	 */
	static Set<String> usernamesIn(String content) {
		Set<String> usernames = names(content);
		usernames.removeAll(BROADCASTS);
		return usernames;
	}

	private static Set<String> names(String content) {
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
