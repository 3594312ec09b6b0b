package io.switchboard.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTests {

	@Test
	void findsEachMentionedNameOnceInLowerCase() {
		assertThat(Mentions.usernamesIn("@Bob hi, @carol and @bob again")).containsExactly("bob", "carol");
	}

	@Test
	void sentenceEndingDotIsNotPartOfTheName() {
		assertThat(Mentions.usernamesIn("thanks @dana.q.")).containsExactly("dana.q");
	}

	@Test
	void emailAddressesAndDoubleAtAreNotMentions() {
		assertThat(Mentions.usernamesIn("mail bob@example.com or @@alice")).isEmpty();
	}

}
