package io.switchboard.message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The {@code clientMessageId}s a batch's senders have used in its channel: read in one
 * query for every message of the batch that carries one, and added to as the batch stores
 * more, so that a retry finds its first attempt whether that was stored long ago or a
 * moment earlier in the same batch. Only a retry loads its first attempt whole.
 */
final class ClientMessageIds {

	private final Map<Key, Long> messageIds = new HashMap<>();

	private ClientMessageIds() {
	}

	/**
	 * Plain JDBC: this runs for every batch on the write path, and the JPA query's
	 * varying {@code in} list cost a query plan per list length.
	 */
	static ClientMessageIds read(NamedParameterJdbcTemplate jdbc, long channelId, List<Long> senderIds,
			List<String> clientMessageIds) {
		ClientMessageIds ids = new ClientMessageIds();
		if (clientMessageIds.isEmpty()) {
			return ids;
		}
		// Senders and ids both, so that the lookup walks the unique index on (channel,
		// sender, clientMessageId) rather than every message of the channel.
		jdbc.query(
				"select sender_id, client_message_id, id from messages where channel_id = :channel "
						+ "and sender_id in (:senders) and client_message_id in (:ids)",
				Map.of("channel", channelId, "senders", senderIds, "ids", clientMessageIds),
				(RowCallbackHandler) (row) -> {
					ids.messageIds.put(new Key(row.getLong(1), row.getString(2)), row.getLong(3));
				});
		return ids;
	}

	Optional<Long> storedBy(long senderId, String clientMessageId) {
		return Optional.ofNullable(this.messageIds.get(new Key(senderId, clientMessageId)));
	}

	void add(Message message) {
		this.messageIds.put(new Key(message.senderId(), Objects.requireNonNull(message.clientMessageId())),
				message.id());
	}

	private record Key(long senderId, String clientMessageId) {

	}

}
