package io.switchboard.limit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.ProblemDetails;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses a new WebSocket or SockJS session from a client address that opens too many,
 * with {@code 429}, {@code Retry-After} and a problem body, before anything of the
 * session exists. A SockJS session's later requests are not new sessions and do not
 * count.
 */
@Component
class ConnectionRateLimiting implements HandshakeInterceptor {

	private final RateLimits limits;

	private final JsonMapper json;

	ConnectionRateLimiting(RateLimits limits, JsonMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		Decision decision = this.limits.connection(request.getRemoteAddress().getAddress().getHostAddress());
		if (decision.allowed()) {
			return true;
		}
		response.setStatusCode(ErrorCode.RATE_LIMITED.status());
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, ProblemDetails.retryAfterHeader(decision.retryAfterMs()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsString(ProblemDetails.of(ErrorCode.RATE_LIMITED,
				"too many new connections from this address, retry in " + decision.retryAfterMs() + " ms",
				decision.retryAfterMs()))
			.getBytes(StandardCharsets.UTF_8);
		try {
			response.getBody().write(body);
		}
		catch (IOException ex) {
			// The client went away; nothing to tell it.
		}
		return false;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

}
