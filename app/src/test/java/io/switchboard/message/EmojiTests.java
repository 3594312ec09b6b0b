package io.switchboard.message;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmojiTests {

	@ParameterizedTest
	@ValueSource(strings = { "👍", "👍🏽", "👨‍👩‍👧", "🇫🇷", "❤️", "é", ":+1:", ":party_parrot:", ":a-b:",
			":abcdefghijklmnopqrstuvwxyz012345:" })
	void oneGraphemeOrANamedEmojiIsAnEmoji(String emoji) {
		assertThat(Emoji.isValid(emoji)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "ab", "👍👍", "::", ":Party:", ":a b:", ":abcdefghijklmnopqrstuvwxyz0123456:",
			"\u0000", "\u200d", "\t", "\ue000", ": :" })
	void anythingElseIsNot(String emoji) {
		assertThat(Emoji.isValid(emoji)).isFalse();
	}

}
