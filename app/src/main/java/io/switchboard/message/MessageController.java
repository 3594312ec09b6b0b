package io.switchboard.message;

import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessageController {

	static final int MAX_PAGE = 100;

	static final int DEFAULT_PAGE = 50;

	static final int MAX_RECOVERY_PAGE = 1000;

	static final int DEFAULT_RECOVERY_PAGE = 500;

	private final MessageHistory history;

	MessageController(MessageHistory history) {
		this.history = history;
	}

	/**
	 * {@code ?before=SEQ&limit=N} pages back (newest first); {@code ?sinceSeq=N&limit=M}
	 * recovers what a client missed, page by page in {@code lastSeq} order.
	 */
	@GetMapping("/api/channels/{channelId}/messages")
	MessageHistory.MessagePage messages(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@RequestParam @Nullable Long before, @RequestParam @Nullable Long sinceSeq,
			@RequestParam @Nullable Integer limit) {
		if (before != null && sinceSeq != null) {
			throw RequestRefused.badRequest("use either before or sinceSeq, not both");
		}
		if (sinceSeq != null) {
			if (sinceSeq < 0) {
				throw RequestRefused.badRequest("sinceSeq must not be negative");
			}
			return this.history.since(channelId, me.id(), sinceSeq,
					checked(limit, DEFAULT_RECOVERY_PAGE, MAX_RECOVERY_PAGE));
		}
		return this.history.before(channelId, me.id(), (before != null) ? before : Long.MAX_VALUE,
				checked(limit, DEFAULT_PAGE, MAX_PAGE));
	}

	private static int checked(@Nullable Integer limit, int byDefault, int max) {
		if (limit == null) {
			return byDefault;
		}
		if (limit < 1 || limit > max) {
			throw RequestRefused.badRequest("limit must be between 1 and " + max);
		}
		return limit;
	}

}
