package io.switchboard.message;

import io.switchboard.broker.StompReceipts;
import io.switchboard.user.CurrentUser;
import jakarta.validation.Valid;

import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * STOMP SENDs to {@code /app/channel.{id}.*}.
 */
@Controller
class ChannelMessagingController {

	private final MessageStore store;

	private final StompReceipts receipts;

	ChannelMessagingController(MessageStore store, StompReceipts receipts) {
		this.store = store;
		this.receipts = receipts;
	}

	/**
	 * The RECEIPT goes out only here, after {@link MessageStore#post} has committed.
	 */
	@MessageMapping("channel.{channelId}.send")
	void send(@DestinationVariable long channelId, @Valid @Payload SendMessage request,
			@AuthenticationPrincipal CurrentUser me, Message<?> frame) {
		this.store.post(channelId, me, request);
		this.receipts.confirm(frame);
	}

}
