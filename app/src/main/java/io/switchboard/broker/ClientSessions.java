package io.switchboard.broker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * This node's client connections by session id, from the WebSocket handshake until the
 * socket closes.
 */
final class ClientSessions {

	private final Map<String, ClientConnection> connections = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	ClientSessions(ApplicationEventPublisher events) {
		this.events = events;
	}

	void opened(ClientConnection connection) {
		this.connections.put(connection.getId(), connection);
	}

	/**
	 * The connection's CONNECT was authenticated: it now belongs to a user.
	 */
	void attached(ClientConnection connection, ClientSession session) {
		// Under the connection's lock, as in closed(): whichever comes second sees the
		// other, so a socket that closed during its CONNECT ends no session that never
		// started, and every start is followed by exactly one end.
		synchronized (connection) {
			connection.attach(session);
			if (this.connections.get(connection.getId()) == connection) {
				this.events.publishEvent(new UserSessionStarted(session.userId(), connection.getId()));
			}
		}
	}

	@Nullable ClientConnection closed(String sessionId) {
		ClientConnection connection = this.connections.remove(sessionId);
		if (connection != null) {
			synchronized (connection) {
				ClientSession session = connection.session();
				if (session != null) {
					this.events.publishEvent(new UserSessionEnded(session.userId(), sessionId));
				}
			}
		}
		return connection;
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
