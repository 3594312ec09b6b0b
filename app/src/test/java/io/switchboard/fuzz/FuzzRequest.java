package io.switchboard.fuzz;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * One REST request the fuzzer sends.
 *
 * @param method the HTTP method
 * @param path the path and query, as sent
 * @param contentType the {@code Content-Type} header, none when null
 * @param body the body's bytes, which need not be UTF-8
 */
record FuzzRequest(String method, String path, @Nullable String contentType, byte[] body) {

	@Override
	public String toString() {
		String text = new String(this.body, StandardCharsets.UTF_8);
		String shown = (text.length() > 300) ? text.substring(0, 300) + "...(" + text.length() + " chars)" : text;
		StringBuilder printable = new StringBuilder();
		shown.codePoints().forEach((c) -> {
			if (c >= 0x20 && c < 0x7f) {
				printable.appendCodePoint(c);
			}
			else {
				printable.append(String.format("\\u{%x}", c));
			}
		});
		return this.method + " " + this.path + " [" + this.contentType + "] " + printable;
	}

}
