package io.switchboard.message;

import io.switchboard.channel.ChannelWriter;
import io.switchboard.channel.event.MessageView;
import io.switchboard.system.PageSize;
import io.switchboard.system.PlainText;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessageController {

	static final int MAX_PAGE = 100;

	static final int DEFAULT_PAGE = 50;

	static final int MAX_RECOVERY_PAGE = 1000;

	static final int DEFAULT_RECOVERY_PAGE = 500;

	static final int MAX_THREAD_PAGE = 100;

	private final MessageHistory history;

	private final MessageStore store;

	private final MessageChanges changes;

	MessageController(MessageHistory history, MessageStore store, MessageChanges changes) {
		this.history = history;
		this.store = store;
		this.changes = changes;
	}

	/**
	 * Posts as {@code /app/channel.{id}.send} does, for clients that do not hold a STOMP
	 * session, such as scripts.
	 */
	@PostMapping("/api/channels/{channelId}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	MessageView post(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@Valid @RequestBody SendMessage request) {
		return ChannelWriter.awaitStored(this.store.post(channelId, me, request));
	}

	@GetMapping("/api/messages/{messageId}")
	MessageView one(@AuthenticationPrincipal CurrentUser me, @PathVariable long messageId) {
		return this.history.one(messageId, me);
	}

	@PatchMapping("/api/messages/{messageId}")
	MessageView edit(@AuthenticationPrincipal CurrentUser me, @PathVariable long messageId,
			@Valid @RequestBody EditContent request) {
		return ChannelWriter
			.awaitStored(this.changes.edit(this.changes.channelOf(messageId, me), me, messageId, request.content()));
	}

	@DeleteMapping("/api/messages/{messageId}")
	MessageView delete(@AuthenticationPrincipal CurrentUser me, @PathVariable long messageId) {
		return ChannelWriter.awaitStored(this.changes.delete(this.changes.channelOf(messageId, me), me, messageId));
	}

	@PostMapping("/api/messages/{messageId}/reactions")
	MessageView react(@AuthenticationPrincipal CurrentUser me, @PathVariable long messageId,
			@Valid @RequestBody React request) {
		return ChannelWriter.awaitStored(this.changes.react(this.changes.channelOf(messageId, me), me, messageId,
				request.emoji(), request.add()));
	}

	@GetMapping("/api/messages/{messageId}/replies")
	MessageHistory.Thread replies(@AuthenticationPrincipal CurrentUser me, @PathVariable long messageId,
			@RequestParam @Nullable Long after, @RequestParam @Nullable Integer limit) {
		if (after != null && after < 0) {
			throw RequestRefused.badRequest("after: must not be negative");
		}
		return this.history.replies(messageId, me, (after != null) ? after : 0,
				PageSize.of(limit, DEFAULT_PAGE, MAX_THREAD_PAGE));
	}

	@GetMapping("/api/messages/{messageId}/history")
	MessageHistory.Versions history(@AuthenticationPrincipal CurrentUser me, @PathVariable long messageId) {
		return this.history.versions(messageId, me);
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
			throw RequestRefused.badRequest("before, sinceSeq: use one or the other, not both");
		}
		if (sinceSeq != null) {
			if (sinceSeq < 0) {
				throw RequestRefused.badRequest("sinceSeq: must not be negative");
			}
			return this.history.since(channelId, me, sinceSeq,
					PageSize.of(limit, DEFAULT_RECOVERY_PAGE, MAX_RECOVERY_PAGE));
		}
		return this.history.before(channelId, me, (before != null) ? before : Long.MAX_VALUE,
				PageSize.of(limit, DEFAULT_PAGE, MAX_PAGE));
	}

	record EditContent(@NotBlank(message = "must not be empty") @MaxCodePoints(4000) @PlainText String content) {

		EditContent {
			content = (content != null) ? content.strip() : null;
		}

	}

	record React(@NotNull String emoji, @NotNull Boolean add) {

	}

}
