package io.switchboard.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@code --name value} and {@code --name=value} arguments, checked against the names the
 * bench knows, so a typo fails loudly instead of silently running the defaults.
 */
final class CommandLine {

	private final Map<String, String> values = new HashMap<>();

	CommandLine(String[] args, Set<String> known) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new UsageError("unexpected argument '" + arg + "'");
			}
			String name = arg.substring(2);
			String value;
			int equals = name.indexOf('=');
			if (equals >= 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			else if (name.equals("help")) {
				value = "true";
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			else {
				throw new UsageError("--" + name + " needs a value");
			}
			if (!known.contains(name)) {
				throw new UsageError("unknown option --" + name);
			}
			this.values.put(name, value);
		}
	}

	boolean has(String name) {
		return this.values.containsKey(name);
	}

	@Nullable String get(String name) {
		return this.values.get(name);
	}

	String get(String name, String fallback) {
		return this.values.getOrDefault(name, fallback);
	}

	int integer(String name, int fallback) {
		String value = this.values.get(name);
		return (value != null) ? positive(name, value) : fallback;
	}

	double decimal(String name, double fallback) {
		String value = this.values.get(name);
		try {
			return (value != null) ? Double.parseDouble(value) : fallback;
		}
		catch (NumberFormatException ex) {
			throw new UsageError("--" + name + " must be a number, not '" + value + "'");
		}
	}

	List<Integer> integers(String name, String fallback) {
		return Arrays.stream(get(name, fallback).split(","))
			.map(String::strip)
			.map((value) -> positive(name, value.replace("_", "")))
			.sorted()
			.toList();
	}

	List<String> words(String name, String fallback) {
		return Arrays.stream(get(name, fallback).split(",")).map(String::strip).filter((w) -> !w.isEmpty()).toList();
	}

	/**
	 * Seconds, or a number with {@code ms}, {@code s} or {@code m}.
	 */
	Duration duration(String name, Duration fallback) {
		String value = this.values.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			if (value.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
			}
			if (value.endsWith("m")) {
				return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
			}
			String seconds = value.endsWith("s") ? value.substring(0, value.length() - 1) : value;
			return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
		}
		catch (NumberFormatException ex) {
			throw new UsageError("--" + name + " must be a duration such as 20, 20s or 500ms, not '" + value + "'");
		}
	}

	private static int positive(String name, String value) {
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below, as for a number that is not positive.
		}
		throw new UsageError("--" + name + " takes positive whole numbers, not '" + value + "'");
	}

}
