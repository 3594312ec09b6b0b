package io.switchboard.security;

import io.switchboard.system.ErrorCode;
import io.switchboard.broker.StompErrors;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

/**
 * Applies {@link StompAuthorizationRules} to every inbound frame. A refused SUBSCRIBE or
 * SEND is dropped and answered with an error event ({@code forbidden}, or
 * {@code not_found} for a channel the user may not know of); unlike Spring Security's own
 * interceptor it does not throw, because a throw would close the client's connection over
 * a mistake that harms nobody.
 */
class StompAuthorization implements ChannelInterceptor {

	private final AuthorizationManager<Message<?>> rules;

	private final StompErrors errors;

	StompAuthorization(AuthorizationManager<Message<?>> rules, StompErrors errors) {
		this.rules = rules;
		this.errors = errors;
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		Authentication user = (SimpMessageHeaderAccessor.getUser(message.getHeaders()) instanceof Authentication auth)
				? auth : null;
		AuthorizationResult result = this.rules.authorize(() -> user, message);
		if (result != null && result.isGranted()) {
			return message;
		}
		if (result instanceof Refusal refusal) {
			this.errors.refuse(message, refusal.code(), refusal.reason());
		}
		else {
			this.errors.refuse(message, ErrorCode.FORBIDDEN, "not allowed here");
		}
		return null;
	}

}
