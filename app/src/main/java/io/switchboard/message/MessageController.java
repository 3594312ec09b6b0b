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

	private final MessageHistory history;

	MessageController(MessageHistory history) {
		this.history = history;
	}

	/**
	 * {@code ?before=SEQ&limit=N} pages back (newest first); {@code ?sinceSeq=N} recovers
	 * everything a client missed.
	 */
	@GetMapping("/api/channels/{channelId}/messages")
	MessageHistory.MessagePage messages(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@RequestParam @Nullable Long before, @RequestParam @Nullable Long sinceSeq,
			@RequestParam(defaultValue = "50") int limit) {
		if (before != null && sinceSeq != null) {
			throw RequestRefused.badRequest("use either before or sinceSeq, not both");
		}
		if (sinceSeq != null) {
			if (sinceSeq < 0) {
				throw RequestRefused.badRequest("sinceSeq must not be negative");
			}
			return this.history.since(channelId, me.id(), sinceSeq);
		}
		if (limit < 1 || limit > MAX_PAGE) {
			throw RequestRefused.badRequest("limit must be between 1 and " + MAX_PAGE);
		}
		return this.history.before(channelId, me.id(), (before != null) ? before : Long.MAX_VALUE, limit);
	}

}
