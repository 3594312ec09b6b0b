package io.switchboard.broker;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Answers a SEND's {@code receipt} header. The relay drops {@code /app} frames, receipt
 * and all, so a controller confirms the SEND itself once its change has committed.
 */
@Component
public class StompReceipts {

	private static final byte[] EMPTY = new byte[0];

	private final MessageChannel clientOutboundChannel;

	StompReceipts(@Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel) {
		this.clientOutboundChannel = clientOutboundChannel;
	}

	/**
	 * Sends a RECEIPT for the frame to the session that sent it, if it asked for one.
	 */
	public void confirm(Message<?> frame) {
		StompHeaderAccessor sent = StompHeaderAccessor.wrap(frame);
		String receipt = sent.getReceipt();
		if (receipt == null || sent.getSessionId() == null) {
			return;
		}
		StompHeaderAccessor receiptHeaders = StompHeaderAccessor.create(StompCommand.RECEIPT);
		receiptHeaders.setReceiptId(receipt);
		receiptHeaders.setSessionId(sent.getSessionId());
		this.clientOutboundChannel.send(MessageBuilder.createMessage(EMPTY, receiptHeaders.getMessageHeaders()));
	}

}
