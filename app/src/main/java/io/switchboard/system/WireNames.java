package io.switchboard.system;

import java.util.Locale;

/**
 * Enum constants as the wire (and the database) spell them: lower case, e.g.
 * {@code direct_message}.
 */
public final class WireNames {

	private WireNames() {
	}

	public static String of(Enum<?> constant) {
		return constant.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws RequestRefused a bad request naming the unknown value
	 */
	public static <E extends Enum<E>> E parse(Class<E> type, String wireName) {
		for (E constant : type.getEnumConstants()) {
			if (of(constant).equals(wireName)) {
				return constant;
			}
		}
		throw RequestRefused.badRequest("unknown " + type.getSimpleName() + " '" + wireName + "'");
	}

}
