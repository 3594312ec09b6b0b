package io.switchboard.channel;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.switchboard.user.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's read marker and preferences in one channel, over STOMP and REST.
 */
@RestController
class MemberStateController {

	private final ReadMarkers readMarkers;

	private final MemberPreferences preferences;

	MemberStateController(ReadMarkers readMarkers, MemberPreferences preferences) {
		this.readMarkers = readMarkers;
		this.preferences = preferences;
	}

	@MessageMapping("channel.{channelId}.read")
	CompletableFuture<Long> read(@DestinationVariable long channelId, @Valid @Payload MarkRead request,
			@AuthenticationPrincipal CurrentUser me) {
		return this.readMarkers.markRead(channelId, me, request.seq());
	}

	/**
	 * @return {@code {"readSeq"}}, the marker as it is now
	 */
	@PostMapping("/api/channels/{channelId}/read")
	ReadMarker markRead(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@Valid @RequestBody MarkRead request) {
		return new ReadMarker(ChannelWriter.awaitStored(this.readMarkers.markRead(channelId, me, request.seq())));
	}

	/**
	 * The others' read markers in a direct or group channel, for read receipts.
	 */
	@GetMapping("/api/channels/{channelId}/read-markers")
	List<ReadMarkers.MemberMarker> readMarkers(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId) {
		return this.readMarkers.othersIn(channelId, me);
	}

	@PutMapping("/api/channels/{channelId}/preferences")
	ChannelView prefer(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@Valid @RequestBody Preferences request) {
		return this.preferences.set(channelId, me, request.notifications(), request.muted());
	}

	record MarkRead(@NotNull Long seq) {

	}

	record ReadMarker(long readSeq) {

	}

	record Preferences(@NotNull NotificationLevel notifications, @NotNull Boolean muted) {

	}

}
