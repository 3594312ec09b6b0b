package io.switchboard.message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code clientMessageId}s a batch's senders have used in its channel: read in one
 * query for every message of the batch that carries one, and added to as the batch stores
 * more, so that a retry finds its first attempt whether that was stored long ago or a
 * moment earlier in the same batch.
 */
final class ClientMessageIds {

	private final Map<Key, Message> stored = new HashMap<>();

	private ClientMessageIds() {
	}

	static ClientMessageIds read(MessageRepository messages, long channelId, List<String> clientMessageIds) {
		ClientMessageIds ids = new ClientMessageIds();
		if (!clientMessageIds.isEmpty()) {
			messages.findByChannelIdAndClientMessageIdIn(channelId, clientMessageIds).forEach(ids::add);
		}
		return ids;
	}

	Optional<Message> storedBy(long senderId, String clientMessageId) {
		return Optional.ofNullable(this.stored.get(new Key(senderId, clientMessageId)));
	}

	void add(Message message) {
		this.stored.put(new Key(message.senderId(), Objects.requireNonNull(message.clientMessageId())), message);
	}

	private record Key(long senderId, String clientMessageId) {

	}

}
