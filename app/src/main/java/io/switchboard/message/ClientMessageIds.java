package io.switchboard.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

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
	static ClientMessageIds read(JdbcTemplate jdbc, long channelId, List<Long> senderIds,
			List<String> clientMessageIds) {
		ClientMessageIds ids = new ClientMessageIds();
		if (clientMessageIds.isEmpty()) {
			return ids;
		}
		// Senders and ids both, so that the lookup walks the unique index on (channel,
		// sender, clientMessageId) rather than every message of the channel.
		List<Object> arguments = new ArrayList<>();
		arguments.add(channelId);
		arguments.addAll(senderIds);
		arguments.addAll(clientMessageIds);
		jdbc.query("select sender_id, client_message_id, id from messages where channel_id = ? and sender_id in ("
				+ placeholders(senderIds.size()) + ") and client_message_id in ("
				+ placeholders(clientMessageIds.size()) + ")", (row) -> {
					ids.messageIds.put(new Key(row.getLong(1), row.getString(2)), row.getLong(3));
				}, arguments.toArray());
		return ids;
	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
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
