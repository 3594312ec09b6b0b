package io.switchboard.message;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The word filter, under {@code switchboard.moderation}.
 *
 * @param blockedWords words (or phrases) no message may contain, matched as whole words,
 * ignoring case
 * @param action {@code reject} refuses such a message or edit as {@code bad_request};
 * {@code mask} stores it with each blocked word's letters replaced by {@code *}
 */
@ConfigurationProperties("switchboard.moderation")
record ModerationSettings(@DefaultValue List<String> blockedWords, @DefaultValue("reject") FilterAction action) {

	enum FilterAction {

		REJECT, MASK

	}

}
