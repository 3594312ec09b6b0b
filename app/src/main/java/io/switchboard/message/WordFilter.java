package io.switchboard.message;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.switchboard.system.ControlCharacters;
import io.switchboard.system.RequestRefused;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The one place a message's content passes on its way to storage, when it is posted and
 * when it is edited: refuses control characters, and applies the configured blocked
 * words.
 */
@Component
class WordFilter {

	private final @Nullable Pattern blocked;

	private final ModerationSettings.FilterAction action;

	WordFilter(ModerationSettings settings) {
		String words = settings.blockedWords()
			.stream()
			.map(String::strip)
			.filter((word) -> !word.isEmpty())
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
		// Whole words only: "class" is no match for "ass".
		this.blocked = words.isEmpty() ? null
				: Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + words + ")(?![\\p{L}\\p{N}_])",
						Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
		this.action = settings.action();
	}

	/**
	 * @return the content to store: as written, or masked
	 * @throws RequestRefused {@code bad_request} if it is to be rejected
	 */
	String apply(String content) {
		// The payloads' validation refuses them first; this holds for any other way in.
		ControlCharacters.require("content", content);
		if (this.blocked == null) {
			return content;
		}
		Matcher matcher = this.blocked.matcher(content);
		if (!matcher.find()) {
			return content;
		}
		if (this.action == ModerationSettings.FilterAction.REJECT) {
			throw RequestRefused.badRequest("content: contains a blocked word");
		}
		return matcher.replaceAll((match) -> "*".repeat(match.group().codePointCount(0, match.group().length())));
	}

}
