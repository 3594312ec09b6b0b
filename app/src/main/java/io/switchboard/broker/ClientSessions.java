package io.switchboard.broker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * This node's client connections by session id, from the WebSocket handshake until the
 * socket closes.
 */
final class ClientSessions {

	private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();

	void opened(ClientConnection connection) {
		this.connections.put(connection.getId(), connection);
	}

	@Nullable ClientConnection closed(String sessionId) {
		return this.connections.remove(sessionId);
	}

	@Nullable ClientConnection connection(String sessionId) {
		return this.connections.get(sessionId);
	}

	@Nullable ClientSession session(String sessionId) {
		ClientConnection connection = this.connections.get(sessionId);
		return (connection != null) ? connection.session() : null;
	}

	Collection<ClientConnection> connections() {
		return this.connections.values();
	}

	List<ClientSession> sessionsOf(long userId) {
		List<ClientSession> found = new ArrayList<>(2);
		for (ClientConnection connection : this.connections.values()) {
			ClientSession session = connection.session();
			if (session != null && session.userId() == userId) {
				found.add(session);
			}
		}
		return found;
	}

	int size() {
		return this.connections.size();
	}

	int subscriptionCount() {
		int count = 0;
		for (ClientConnection connection : this.connections.values()) {
			ClientSession session = connection.session();
			count += (session != null) ? session.subscriptionCount() : 0;
		}
		return count;
	}

	long queuedBytes() {
		long bytes = 0;
		for (ClientConnection connection : this.connections.values()) {
			bytes += connection.queuedBytes();
		}
		return bytes;
	}

}
