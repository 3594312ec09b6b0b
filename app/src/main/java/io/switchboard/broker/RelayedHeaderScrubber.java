package io.switchboard.broker;

import java.util.List;
import java.util.Map;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.NativeMessageHeaderAccessor;

/**
 * Removes the headers Artemis put on a MESSAGE before the server sends it on to the
 * broker again.
 * <p>
 * That happens between server nodes: a node that finds no session for a user broadcasts
 * the message on a topic, and the node that has the session sends it on to the session's
 * queue with the headers it arrived with. Artemis reads
 * {@code destination-type: MULTICAST} on a SEND as "route to the topic", so the queue
 * would never get it. The copy keeps plain, mutable headers, which the relay needs in
 * order to stamp its own session on them.
 */
class RelayedHeaderScrubber implements ChannelInterceptor {

	/** Headers of Artemis's MESSAGE frames that mean something else on a SEND. */
	private static final List<String> BROKER_HEADERS = List.of("destination-type", "subscription", "message-id",
			"redelivered", "expires", "priority", "persistent", "timestamp", "ack");

	/**
	 * Every publication passes here, so headers are copied only for the rare message that
	 * carries the broker's.
	 */
	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE
				|| !carriesBrokerHeaders(message)) {
			return message;
		}
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(message);
		BROKER_HEADERS.forEach(headers::removeNativeHeader);
		headers.setLeaveMutable(true);
		return MessageBuilder.createMessage(message.getPayload(), headers.getMessageHeaders());
	}

	private static boolean carriesBrokerHeaders(Message<?> message) {
		Object nativeHeaders = message.getHeaders().get(NativeMessageHeaderAccessor.NATIVE_HEADERS);
		return nativeHeaders instanceof Map<?, ?> map && BROKER_HEADERS.stream().anyMatch(map::containsKey);
	}

}
