package io.switchboard.message;

import java.util.List;

import io.switchboard.system.RequestRefused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WordFilterTests {

	@Test
	void rejectRefusesContentWithABlockedWholeWordInAnyCase() {
		WordFilter filter = new WordFilter(
				new ModerationSettings(List.of("heck", "dang it"), ModerationSettings.FilterAction.REJECT));
		assertThatExceptionOfType(RequestRefused.class).isThrownBy(() -> filter.apply("what the HECK"))
			.withMessageContaining("blocked word");
		assertThatExceptionOfType(RequestRefused.class).isThrownBy(() -> filter.apply("oh dang it!"));
		assertThat(filter.apply("checkmate, heckler")).isEqualTo("checkmate, heckler");
	}

	@Test
	void maskReplacesEachLetterOfABlockedWord() {
		WordFilter filter = new WordFilter(
				new ModerationSettings(List.of("heck", "blöd"), ModerationSettings.FilterAction.MASK));
		assertThat(filter.apply("Heck, that is BLÖD.")).isEqualTo("****, that is ****.");
	}

	@Test
	void noBlockedWordsLetEverythingThrough() {
		WordFilter filter = new WordFilter(new ModerationSettings(List.of(), ModerationSettings.FilterAction.REJECT));
		assertThat(filter.apply("anything")).isEqualTo("anything");
	}

}
