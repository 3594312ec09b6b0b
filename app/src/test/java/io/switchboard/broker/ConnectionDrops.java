package io.switchboard.broker;

import org.springframework.context.ApplicationContext;
import org.springframework.web.socket.CloseStatus;

/**
 * Closes a user's sockets at the server, as a network drop would end them: tests of
 * clients that must notice, reconnect and recover use it (a browser's own offline switch
 * leaves an open WebSocket open).
 */
public final class ConnectionDrops {

	private ConnectionDrops() {
	}

	/**
	 * @return how many sockets were closed
	 */
	public static int dropConnectionsOf(ApplicationContext context, long userId) {
		int dropped = 0;
		for (ClientConnection connection : context.getBean(ClientSessions.class).connections()) {
			ClientSession session = connection.session();
			if (session != null && session.userId() == userId) {
				connection.close(CloseStatus.GOING_AWAY);
				dropped++;
			}
		}
		return dropped;
	}

}
