package io.switchboard.message;

import io.switchboard.channel.event.MessageView;
import java.util.concurrent.CompletableFuture;

import io.switchboard.user.CurrentUser;
import jakarta.validation.Valid;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * STOMP SENDs to {@code /app/channel.{id}.*}. Each returns the change's future: the
 * socket's thread goes on to the next frame at once, and the RECEIPT follows the commit.
 */
@Controller
class ChannelMessagingController {

	private final MessageStore store;

	ChannelMessagingController(MessageStore store) {
		this.store = store;
	}

	@MessageMapping("channel.{channelId}.send")
	CompletableFuture<MessageView> send(@DestinationVariable long channelId, @Valid @Payload SendMessage request,
			@AuthenticationPrincipal CurrentUser me) {
		return this.store.post(channelId, me, request);
	}

}
