package io.switchboard.attachment;

import org.jspecify.annotations.Nullable;

/**
 * The name an upload is shown and downloaded under: the client's file name without any
 * folder, control or invisible formatting characters (a right-to-left override turns
 * {@code gpj.exe} into what looks like an image), and at most 255 characters.
 */
final class FileNames {

	static final int MAX_LENGTH = 255;

	private static final String UNNAMED = "file";

	/** A longer tail is no extension worth keeping. */
	private static final int MAX_EXTENSION = 16;

	private FileNames() {
	}

	static String shown(@Nullable String submitted) {
		String name = (submitted != null) ? submitted : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder visible = new StringBuilder(name.length());
		name.codePoints().filter(FileNames::isShown).forEach(visible::appendCodePoint);
		name = visible.toString().strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			return UNNAMED;
		}
		return shortened(name);
	}

	private static boolean isShown(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED ->
				false;
			default -> true;
		};
	}

	/**
	 * Cuts the name's stem, not its extension, to at most {@link #MAX_LENGTH} characters
	 * (UTF-16 units, as the column counts them), never inside a surrogate pair.
	 */
	private static String shortened(String name) {
		if (name.length() <= MAX_LENGTH) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0 && name.length() - dot <= MAX_EXTENSION) ? name.substring(dot) : "";
		String stem = name.substring(0, name.length() - extension.length());
		int end = MAX_LENGTH - extension.length();
		if (Character.isHighSurrogate(stem.charAt(end - 1))) {
			end--;
		}
		return stem.substring(0, end).strip() + extension;
	}

}
