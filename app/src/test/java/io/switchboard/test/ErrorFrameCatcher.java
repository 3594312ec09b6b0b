package io.switchboard.test;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;

/**
 * A session handler for raw connections that keeps the {@code message} header and the
 * body of the ERROR frame the server sends before it closes the connection.
 */
public final class ErrorFrameCatcher extends StompSessionHandlerAdapter {

	private final CompletableFuture<String> message = new CompletableFuture<>();

	private volatile String detail = "";

	@Override
	public Type getPayloadType(StompHeaders headers) {
		return byte[].class;
	}

	@Override
	public void handleFrame(StompHeaders headers, Object payload) {
		this.detail = new String((byte[]) payload, StandardCharsets.UTF_8);
		this.message.complete(headers.getFirst("message"));
	}

	/**
	 * The ERROR frame's message, waiting for it if need be.
	 */
	public String message() {
		return StompClient.await(this.message);
	}

	/**
	 * The ERROR frame's body, which says what was wrong, waiting for the frame if need
	 * be.
	 */
	public String detail() {
		message();
		return this.detail;
	}

}
