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

	private final MessageChanges changes;

	ChannelMessagingController(MessageStore store, MessageChanges changes) {
		this.store = store;
		this.changes = changes;
	}

	@MessageMapping("channel.{channelId}.send")
	CompletableFuture<MessageView> send(@DestinationVariable long channelId, @Valid @Payload SendMessage request,
			@AuthenticationPrincipal CurrentUser me) {
		return this.store.post(channelId, me, request);
	}

	@MessageMapping("channel.{channelId}.edit")
	CompletableFuture<MessageView> edit(@DestinationVariable long channelId, @Valid @Payload EditMessage request,
			@AuthenticationPrincipal CurrentUser me) {
		return this.changes.edit(channelId, me, request.messageId(), request.content());
	}

	@MessageMapping("channel.{channelId}.delete")
	CompletableFuture<MessageView> delete(@DestinationVariable long channelId, @Valid @Payload DeleteMessage request,
			@AuthenticationPrincipal CurrentUser me) {
		return this.changes.delete(channelId, me, request.messageId());
	}

	@MessageMapping("channel.{channelId}.react")
	CompletableFuture<MessageView> react(@DestinationVariable long channelId, @Valid @Payload ReactToMessage request,
			@AuthenticationPrincipal CurrentUser me) {
		return this.changes.react(channelId, me, request.messageId(), request.emoji(), request.add());
	}

}
