package io.switchboard.presence;

import io.switchboard.user.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TypingController {

	private final TypingRelay relay;

	TypingController(TypingRelay relay) {
		this.relay = relay;
	}

	@MessageMapping("channel.{channelId}.typing")
	Boolean typing(@DestinationVariable long channelId, @Valid @Payload Typing request,
			@AuthenticationPrincipal CurrentUser me) {
		return this.relay.relay(channelId, me, request.typing());
	}

	@PostMapping("/api/channels/{channelId}/typing")
	ResponseEntity<Void> typing(@AuthenticationPrincipal CurrentUser me, @PathVariable long channelId,
			@Valid @RequestBody Typing request) {
		this.relay.relay(channelId, me, request.typing());
		return ResponseEntity.noContent().build();
	}

	record Typing(@NotNull Boolean typing) {

	}

}
