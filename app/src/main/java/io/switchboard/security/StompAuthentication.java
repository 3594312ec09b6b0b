package io.switchboard.security;

import java.time.Instant;

import io.switchboard.broker.ErrorFrame;
import io.switchboard.system.RefusalLog;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Authenticates a STOMP CONNECT from its {@code Authorization: Bearer} header and makes
 * the user the session's user. A CONNECT without a valid token, and any frame after the
 * token expired, is answered with an ERROR frame whose message starts with
 * {@code unauthorized} (the detail in its body), and the connection closes.
 * <p>
 * It answers with the ERROR frame itself rather than by throwing, so a refused token is
 * one log line without a stack trace (and few a minute), and the frame is never logged
 * with its token.
 */
class StompAuthentication implements ChannelInterceptor {

	static final String AUTHORIZATION = "Authorization";

	private static final RefusalLog refusals = new RefusalLog(StompAuthentication.class);

	private static final String BEARER = "Bearer ";

	private final JwtAuthenticationProvider tokens;

	private final MessageChannel clientOutboundChannel;

	StompAuthentication(JwtDecoder decoder, UserAuthenticationConverter converter,
			MessageChannel clientOutboundChannel) {
		this.tokens = new JwtAuthenticationProvider(decoder);
		this.tokens.setJwtAuthenticationConverter(converter);
		this.clientOutboundChannel = clientOutboundChannel;
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null) {
			return message;
		}
		StompCommand command = accessor.getCommand();
		if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
			String authorization = accessor.getFirstNativeHeader(AUTHORIZATION);
			// The token is for this server: not for the broker behind the relay, nor for
			// any log line about the frame.
			accessor.removeNativeHeader(AUTHORIZATION);
			try {
				accessor.setUser(authenticate(authorization));
			}
			catch (AuthenticationException ex) {
				return refuse(accessor, ErrorFrame.unauthorized(String.valueOf(ex.getMessage())));
			}
		}
		else if (command != null && command != StompCommand.DISCONNECT
				&& accessor.getUser() instanceof UserAuthentication user && user.isExpired(Instant.now())) {
			return refuse(accessor, ErrorFrame.tokenExpired());
		}
		return message;
	}

	private Authentication authenticate(@Nullable String header) {
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			throw new MissingBearerToken();
		}
		return this.tokens.authenticate(new BearerTokenAuthenticationToken(header.substring(BEARER.length()).strip()));
	}

	/**
	 * Sends the ERROR frame, after which the connection closes, and drops the frame.
	 */
	private @Nullable Message<?> refuse(StompHeaderAccessor frame, ErrorFrame error) {
		refusals.info("Closing STOMP session {}: {}", frame.getSessionId(), error);
		this.clientOutboundChannel.send(error.toMessage(frame.getSessionId(), frame.getReceipt()));
		return null;
	}

	private static final class MissingBearerToken extends AuthenticationException {

		MissingBearerToken() {
			super("CONNECT needs an Authorization: Bearer header");
		}

	}

}
