package io.switchboard.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.ProblemDetails;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Binds a SockJS session to whoever opened it. A SockJS session id travels in URLs, and
 * so in proxy logs; without a binding, anyone who learns one could send frames as its
 * user ({@code xhr_send}) or take the session over ({@code websocket}). The response that
 * opens a session sets a cookie with a random secret, scoped to the session's own path;
 * every later request for the session must bring it back, and one that does not is
 * answered {@code 404}, as for a session that does not exist, and touches nothing.
 */
class SockJsSessionBinding extends OncePerRequestFilter {

	static final String COOKIE = "SWITCHBOARD_SOCKJS";

	static final String PREFIX = "/sockjs/";

	/** Transports that send to or poll a session that must exist already. */
	private static final Set<String> FOLLOW_UPS = Set.of("xhr_send", "jsonp_send");

	/** A session lives no longer than the longest token; a binding is dropped after. */
	private static final Duration LONGEST = Duration.ofHours(25);

	private final Map<String, Binding> bindings = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final JsonMapper json;

	SockJsSessionBinding(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !path(request).startsWith(PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// /sockjs/{server}/{session}/{transport}; /sockjs/info and the iframe page have
		// no
		// session.
		String[] parts = path(request).substring(PREFIX.length()).split("/", -1);
		if (parts.length != 3 || parts[1].isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String session = parts[1];
		Binding binding = this.bindings.get(session);
		if (binding == null && !FOLLOW_UPS.contains(parts[2])) {
			Binding fresh = new Binding(secret(), Instant.now());
			binding = this.bindings.putIfAbsent(session, fresh);
			if (binding == null) {
				response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, parts[0], session, fresh.secret()));
				sweep();
				chain.doFilter(request, response);
				return;
			}
		}
		if (binding != null && !binding.openedBy(cookieValues(request))) {
			refuse(response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * The session is gone: its id may be opened afresh.
	 */
	@EventListener
	void ended(SessionDisconnectEvent event) {
		this.bindings.remove(event.getSessionId());
	}

	boolean binds(String sessionId) {
		return this.bindings.containsKey(sessionId);
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(ErrorCode.NOT_FOUND.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(),
				ProblemDetails.of(ErrorCode.NOT_FOUND, "no such SockJS session"));
	}

	/**
	 * Bindings of sessions that never ended cleanly (a node that never saw the close) go
	 * once no session could still be alive.
	 */
	private void sweep() {
		Instant oldest = Instant.now().minus(LONGEST);
		if (this.bindings.size() % 1024 == 0) {
			this.bindings.values().removeIf((binding) -> binding.openedAt().isBefore(oldest));
		}
	}

	/**
	 * Sent only to the session's own URLs and never readable by scripts. Over HTTPS it
	 * also goes with a page's cross-origin requests, which SockJS makes when the page
	 * comes from elsewhere; over plain HTTP browsers allow that for no cookie.
	 */
	private static String cookie(HttpServletRequest request, String server, String session, String secret) {
		return ResponseCookie.from(COOKIE, secret)
			.path(request.getContextPath() + PREFIX + server + "/" + session)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite(request.isSecure() ? "None" : "Lax")
			.build()
			.toString();
	}

	private String secret() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static List<String> cookieValues(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return List.of();
		}
		return Arrays.stream(cookies)
			.filter((cookie) -> COOKIE.equals(cookie.getName()))
			.map(Cookie::getValue)
			.toList();
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private record Binding(String secret, Instant openedAt) {

		boolean openedBy(List<String> presented) {
			byte[] secret = this.secret.getBytes(StandardCharsets.US_ASCII);
			return presented.stream()
				.anyMatch((value) -> MessageDigest.isEqual(secret, value.getBytes(StandardCharsets.US_ASCII)));
		}

	}

}
