package io.switchboard.system;

import org.jspecify.annotations.Nullable;

/**
 * The {@code limit} of a paged REST read: one rule and one answer for every list.
 */
public final class PageSize {

	private PageSize() {
	}

	/**
	 * @return {@code limit}, or {@code byDefault} if not given
	 * @throws RequestRefused {@code bad_request} outside 1 to {@code max}
	 */
	public static int of(@Nullable Integer limit, int byDefault, int max) {
		if (limit == null) {
			return byDefault;
		}
		if (limit < 1 || limit > max) {
			throw RequestRefused.badRequest("limit: must be between 1 and " + max);
		}
		return limit;
	}

}
