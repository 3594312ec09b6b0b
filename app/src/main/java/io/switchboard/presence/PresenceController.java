package io.switchboard.presence;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.switchboard.channel.ChannelWriter;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Presence over STOMP and REST: set one's own status, read others'.
 */
@RestController
class PresenceController {

	static final int MAX_USERS = 100;

	private final PresenceTracker tracker;

	PresenceController(PresenceTracker tracker) {
		this.tracker = tracker;
	}

	/**
	 * Answers with the status once stored: a future of nothing would never be passed on,
	 * and its SEND never get its RECEIPT.
	 */
	@MessageMapping("presence.set")
	CompletableFuture<PresenceStatus> set(@Valid @Payload SetStatus request, @AuthenticationPrincipal CurrentUser me) {
		return this.tracker.choose(me.id(), request.status(), request.statusText())
			.thenApply((done) -> request.status());
	}

	@PutMapping("/api/me/presence")
	ResponseEntity<Void> choose(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody SetStatus request) {
		ChannelWriter.awaitStored(this.tracker.choose(me.id(), request.status(), request.statusText()));
		return ResponseEntity.noContent().build();
	}

	/**
	 * {@code ?userIds=1,2,3}: users of another workspace, or none, are left out.
	 */
	@GetMapping("/api/presence")
	List<PresenceEvent> statuses(@AuthenticationPrincipal CurrentUser me, @RequestParam String userIds) {
		List<Long> ids;
		try {
			ids = Arrays.stream(userIds.split(",")).map(String::strip).map(Long::valueOf).distinct().toList();
		}
		catch (NumberFormatException ex) {
			throw RequestRefused.badRequest("userIds: must be user ids separated by commas");
		}
		if (ids.size() > MAX_USERS) {
			throw RequestRefused.badRequest("userIds: at most " + MAX_USERS + " at a time");
		}
		return this.tracker.statuses(me.workspaceId(), ids);
	}

	/**
	 * @param statusText shown next to the status, e.g. "in a meeting"
	 */
	record SetStatus(@NotNull PresenceStatus status, @Nullable @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*",
			message = "must not contain control characters") String statusText) {

	}

}
