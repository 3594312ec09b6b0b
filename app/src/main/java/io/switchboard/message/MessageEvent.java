package io.switchboard.message;

/**
 * A message event on a channel's topic, e.g. {@code message.created}.
 */
record MessageEvent(String type, long channelId, long seq, MessageView message) {

	static MessageEvent created(MessageView message) {
		return new MessageEvent("message.created", message.channelId(), message.seq(), message);
	}

}
