package io.switchboard.broker;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

/**
 * Writes one text message to a client socket and says when it is done, without ever
 * holding a thread that other sessions need while a client is slow to read.
 */
interface OutboundWriter {

	/** Tomcat's own limit for a blocking send, which its close handshake uses. */
	String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	long CLOSE_TIMEOUT_MILLIS = 2_000;

	/**
	 * @param done called once, possibly on this thread, with the failure or {@code null}
	 */
	void write(String text, Consumer<@Nullable Throwable> done);

	/**
	 * Native WebSocket sessions write asynchronously through the container; SockJS
	 * sessions, whose transports write blocking, on the given executor.
	 */
	static OutboundWriter forSession(WebSocketSession session, Executor blockingWrites) {
		if (session instanceof StandardWebSocketSession standard) {
			Session nativeSession = standard.getNativeSession();
			nativeSession.getUserProperties().put(BLOCKING_SEND_TIMEOUT, CLOSE_TIMEOUT_MILLIS);
			return new Async(nativeSession);
		}
		return new Blocking(session, blockingWrites);
	}

	record Async(Session session) implements OutboundWriter {

		@Override
		public void write(String text, Consumer<@Nullable Throwable> done) {
			try {
				this.session.getAsyncRemote()
					.sendText(text, (result) -> done.accept(result.isOK() ? null : result.getException()));
			}
			catch (RuntimeException ex) {
				done.accept(ex);
			}
		}

	}

	record Blocking(WebSocketSession session, Executor executor) implements OutboundWriter {

		@Override
		public void write(String text, Consumer<@Nullable Throwable> done) {
			try {
				this.executor.execute(() -> {
					try {
						this.session.sendMessage(new TextMessage(text));
						done.accept(null);
					}
					catch (Exception ex) {
						done.accept(ex);
					}
				});
			}
			catch (RuntimeException rejected) {
				done.accept(rejected);
			}
		}

	}

}
