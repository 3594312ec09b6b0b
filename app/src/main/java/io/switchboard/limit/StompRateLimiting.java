package io.switchboard.limit;

import java.security.Principal;

import io.switchboard.broker.StompErrors;
import io.switchboard.system.ErrorCode;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;

/**
 * Drops a SEND over its user's limit and answers it with a {@code rate_limited} error
 * event that says when to retry; the session stays open and nothing is stored. Typing and
 * read frames have a limit of their own, so that a chatty client's typing never uses up
 * its messages.
 */
class StompRateLimiting implements ChannelInterceptor {

	private final RateLimits limits;

	private final StompErrors errors;

	StompRateLimiting(RateLimits limits, StompErrors errors) {
		this.limits = limits;
		this.errors = errors;
	}

	@Override
	public @Nullable Message<?> preSend(Message<?> message, MessageChannel channel) {
		if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) {
			return message;
		}
		Principal user = SimpMessageHeaderAccessor.getUser(message.getHeaders());
		String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
		if (user == null || destination == null) {
			return message;
		}
		long userId = Long.parseLong(user.getName());
		Decision decision = isTypingOrRead(destination) ? this.limits.typingOrRead(userId) : this.limits.send(userId);
		if (decision.allowed()) {
			return message;
		}
		this.errors.refuse(message, ErrorCode.RATE_LIMITED,
				"rate limit reached, retry in " + decision.retryAfterMs() + " ms", decision.retryAfterMs());
		return null;
	}

	private static boolean isTypingOrRead(String destination) {
		return destination.startsWith("/app/channel.")
				&& (destination.endsWith(".typing") || destination.endsWith(".read"));
	}

}
