package io.switchboard.broker;

import java.util.concurrent.Executor;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Puts a {@link ClientConnection} around every client socket, native or SockJS, before
 * Spring's STOMP handling sees it, and keeps {@link ClientSessions} up to date.
 */
final class ConnectionTracking implements WebSocketHandlerDecoratorFactory {

	private final ClientSessions sessions;

	private final Executor outboundWriters;

	private final long maxQueuedBytes;

	private final DeliveryMetrics metrics;

	ConnectionTracking(ClientSessions sessions, Executor outboundWriters, DeliverySettings settings,
			DeliveryMetrics metrics) {
		this.sessions = sessions;
		this.outboundWriters = outboundWriters;
		this.maxQueuedBytes = settings.outboundBufferSize().toBytes();
		this.metrics = metrics;
	}

	@Override
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				ClientConnection connection = new ClientConnection(session,
						OutboundWriter.forSession(session, ConnectionTracking.this.outboundWriters),
						ConnectionTracking.this.outboundWriters, ConnectionTracking.this.maxQueuedBytes,
						ConnectionTracking.this.metrics);
				ConnectionTracking.this.sessions.opened(connection);
				super.afterConnectionEstablished(connection);
			}

			@Override
			public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
				ClientConnection connection = ConnectionTracking.this.sessions.connection(session.getId());
				if (connection != null) {
					connection.markRead();
				}
				super.handleMessage(session, message);
			}

			/**
			 * Parts of a long message go straight to the STOMP decoder, which buffers
			 * only what a frame needs, instead of every socket holding a buffer as large
			 * as the largest frame.
			 */
			@Override
			public boolean supportsPartialMessages() {
				return true;
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
				// Spring ends the STOMP session first, which removes its subscriptions.
				super.afterConnectionClosed(session, closeStatus);
				ClientConnection connection = ConnectionTracking.this.sessions.closed(session.getId());
				if (connection != null) {
					connection.closed();
				}
			}

		};
	}

}
