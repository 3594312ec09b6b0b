package io.switchboard.security;

import java.security.Principal;

import io.switchboard.broker.SubscriptionAccess;
import io.switchboard.channel.ChannelAccess;
import io.switchboard.user.UserDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Asks the rules that admitted a subscription again, as if the user subscribed now.
 */
@Component
class SubscriptionRecheck implements SubscriptionAccess {

	private final AuthorizationManager<Message<?>> rules;

	SubscriptionRecheck(ChannelAccess channels, UserDirectory users) {
		// Only SUBSCRIBE is checked again, never a SEND.
		this.rules = StompAuthorizationRules.build(channels, (destination) -> false, users::inWorkspace);
	}

	@Override
	public @Nullable String refusal(Principal user, String destination) {
		if (!(user instanceof Authentication authentication)) {
			return "not signed in";
		}
		SimpMessageHeaderAccessor subscribe = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
		subscribe.setDestination(destination);
		subscribe.setUser(user);
		Message<byte[]> message = MessageBuilder.createMessage(new byte[0], subscribe.getMessageHeaders());
		AuthorizationResult result = this.rules.authorize(() -> authentication, message);
		if (result != null && result.isGranted()) {
			return null;
		}
		return (result instanceof Refusal refusal) ? refusal.reason() : "not allowed";
	}

}
