package io.switchboard.fuzz;

import java.util.List;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * JSON gone wrong, for SEND payloads and REST bodies alike: valid JSON mutated, and JSON
 * chosen to hurt a parser or a binder.
 */
final class FuzzJson {

	private FuzzJson() {
	}

	/**
	 * JSON with a few characters deleted, doubled or replaced: most of it no longer
	 * parses, and some parses into something else.
	 */
	static Gen<String> mutated(Gen<String> valid) {
		return valid.zip(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 4),
				strings().allPossible().ofLength(4), (json, positions, replacements) -> {
					StringBuilder mutated = new StringBuilder(json);
					for (int i = 0; i < positions.size() && mutated.length() > 0; i++) {
						int at = positions.get(i) % mutated.length();
						switch (positions.get(i) % 3) {
							case 0 -> mutated.deleteCharAt(at);
							case 1 -> mutated.insert(at, mutated.charAt(at));
							default -> mutated.setCharAt(at, replacements.charAt(i % replacements.length()));
						}
					}
					return mutated.toString();
				});
	}

	static Gen<String> hostile() {
		return Generate.pick(List.of("[]", "null", "0", "\"content\"", "{}", "{\"content\":null}", "{\"content\":123}",
				"{\"content\":[\"a\"]}", "{\"content\":{\"a\":1}}", "{\"content\":\"x\",\"content\":\"y\"}",
				"{\"content\":\"x\",\"replyToId\":-1}", "{\"content\":\"x\",\"replyToId\":1e400}",
				"{\"content\":\"x\",\"attachments\":[1,2,3]}", "{\"content\":\"x\",\"attachments\":\"all\"}",
				"{\"emoji\":\"\",\"messageId\":1,\"add\":true}", "{\"status\":\"everywhere\"}",
				"{\"action\":\"ban\",\"userId\":1}", "{\"seq\":-5}", "{\"seq\":9223372036854775807}",
				"[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
				"{\"content\":\"" + "\\u0000".repeat(100) + "\"}", "{\"content\":\"\\ud800\"}",
				"\uFEFF{\"content\":\"bom\"}"));
	}

}
