package io.switchboard.attachment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is left of a client's file name.
 */
class FileNamesTests {

	@Test
	void foldersOfEitherKindAndInvisibleCharactersGo() {
		assertThat(FileNames.shown("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.shown("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
		assertThat(FileNames.shown("a\u0000b\u0007c\u200b\u202e.txt")).isEqualTo("abc.txt");
		assertThat(FileNames.shown("line\nbreak\r.txt")).isEqualTo("linebreak.txt");
		assertThat(FileNames.shown("  spaced  ")).isEqualTo("spaced");
		assertThat(FileNames.shown("日本語 😀.png")).isEqualTo("日本語 😀.png");
	}

	@Test
	void nothingLeftIsAFileCalledFile() {
		assertThat(FileNames.shown(null)).isEqualTo("file");
		assertThat(FileNames.shown("")).isEqualTo("file");
		assertThat(FileNames.shown("dir/")).isEqualTo("file");
		assertThat(FileNames.shown("..")).isEqualTo("file");
		assertThat(FileNames.shown("\u0001\u0002")).isEqualTo("file");
	}

	@Test
	void longNamesLoseTheirStemNotTheirExtensionNorHalfACharacter() {
		String shortened = FileNames.shown("x".repeat(300) + ".jpeg");
		assertThat(shortened).hasSize(FileNames.MAX_LENGTH).endsWith("x.jpeg");
		String emoji = FileNames.shown("😀".repeat(200));
		assertThat(emoji.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
		assertThat(emoji.codePoints().allMatch((c) -> c == "😀".codePointAt(0))).isTrue();
		assertThat(FileNames.shown("y".repeat(300) + ".not-an-extension-at-all")).hasSize(FileNames.MAX_LENGTH)
			.startsWith("yyy");
	}

}
