package io.switchboard.security;

import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.switchboard.channel.ChannelAccess;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.messaging.access.intercept.MessageAuthorizationContext;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.security.messaging.util.matcher.PathPatternMessageMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may SUBSCRIBE and SEND where: PROTOCOL.md section 2, with channel membership read
 * from the database. Anything not listed is denied, including the broker's own
 * destinations.
 */
final class StompAuthorizationRules {

	private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

	private StompAuthorizationRules() {
	}

	/**
	 * @param handledSends whether a SEND destination has a handler; a SEND to any other
	 * is refused
	 * @param inWorkspace whether a user (first) belongs to a workspace (second): presence
	 * is visible only within one
	 */
	static AuthorizationManager<Message<?>> build(ChannelAccess channels, Predicate<String> handledSends,
			BiPredicate<Long, Long> inWorkspace) {
		PathPatternParser dotted = new PathPatternParser();
		dotted.setPathOptions(PathContainer.Options.MESSAGE_ROUTE);
		PathPatternMessageMatcher.Builder destinations = PathPatternMessageMatcher.withPathPatternParser(dotted);
		return MessageMatcherDelegatingAuthorizationManager.builder()
			.simpTypeMatchers(SimpMessageType.CONNECT, SimpMessageType.HEARTBEAT, SimpMessageType.UNSUBSCRIBE,
					SimpMessageType.DISCONNECT)
			.permitAll()
			.matchers(destinations.matcher(SimpMessageType.SUBSCRIBE, "/topic/channel.{channelId}"))
			.access((user, context) -> channelReader(channels, user, context))
			.matchers(destinations.matcher(SimpMessageType.SUBSCRIBE, "/topic/presence.{userId}"))
			.access((user, context) -> presenceWatcher(inWorkspace, user, context))
			.matchers(destinations.matcher(SimpMessageType.SUBSCRIBE, "/topic/announcements"),
					destinations.matcher(SimpMessageType.SUBSCRIBE, "/user/queue/notifications"),
					destinations.matcher(SimpMessageType.SUBSCRIBE, "/user/queue/channels"),
					destinations.matcher(SimpMessageType.SUBSCRIBE, "/user/queue/errors"))
			.authenticated()
			.matchers(destinations.matcher(SimpMessageType.MESSAGE, "/app/presence.set"),
					destinations.matcher(SimpMessageType.MESSAGE, "/app/announcements.post"))
			.access((user, context) -> handled(handledSends, user, context))
			.matchers(destinations.matcher(SimpMessageType.MESSAGE, "/app/channel.{channelId}.{action}"))
			.access((user, context) -> channelPoster(handledSends, user, context))
			.anyMessage()
			.denyAll()
			.build();
	}

	private static AuthorizationResult channelReader(ChannelAccess channels,
			Supplier<? extends @Nullable Authentication> authentication, MessageAuthorizationContext<?> context) {
		CurrentUser user = user(authentication);
		Long channelId = channelId(context);
		if (user == null || channelId == null) {
			return new Refusal("no such destination");
		}
		RequestRefused refusal = channels.readRefusal(channelId, user);
		return (refusal == null) ? new AuthorizationDecision(true) : new Refusal(refusal.code(), refusal.getMessage());
	}

	/**
	 * Someone of another workspace is answered as someone who does not exist.
	 */
	private static AuthorizationResult presenceWatcher(BiPredicate<Long, Long> inWorkspace,
			Supplier<? extends @Nullable Authentication> authentication, MessageAuthorizationContext<?> context) {
		CurrentUser user = user(authentication);
		Long watched = number(context.getVariables().get("userId"));
		if (user == null || watched == null || !inWorkspace.test(watched, user.workspaceId())) {
			return new Refusal("no such destination");
		}
		return new AuthorizationDecision(true);
	}

	private static AuthorizationResult channelPoster(Predicate<String> handledSends,
			Supplier<? extends @Nullable Authentication> authentication, MessageAuthorizationContext<?> context) {
		CurrentUser user = user(authentication);
		Long channelId = channelId(context);
		String destination = SimpMessageHeaderAccessor.getDestination(context.getMessage().getHeaders());
		if (user == null || channelId == null || destination == null || !handledSends.test(destination)) {
			return new Refusal("no such destination");
		}
		// Whether the user may post is checked where the change is stored, under the
		// channel's lock: not here, on the socket's thread, and not before access can
		// still change.
		return new AuthorizationDecision(true);
	}

	/**
	 * A SEND any signed-in user may make, if a handler serves it.
	 */
	private static AuthorizationResult handled(Predicate<String> handledSends,
			Supplier<? extends @Nullable Authentication> authentication, MessageAuthorizationContext<?> context) {
		String destination = SimpMessageHeaderAccessor.getDestination(context.getMessage().getHeaders());
		if (user(authentication) == null || destination == null || !handledSends.test(destination)) {
			return new Refusal("no such destination");
		}
		return new AuthorizationDecision(true);
	}

	private static @Nullable CurrentUser user(Supplier<? extends @Nullable Authentication> authentication) {
		return (authentication.get() instanceof UserAuthentication user) ? user.user() : null;
	}

	private static @Nullable Long channelId(MessageAuthorizationContext<?> context) {
		return number(context.getVariables().get("channelId"));
	}

	/**
	 * An id as PROTOCOL.md section 2 writes them: a positive decimal number of at most 18
	 * digits, nothing else ({@code 007} and {@code -1} are no ids).
	 */
	private static @Nullable Long number(@Nullable String value) {
		return (value != null && ID.matcher(value).matches()) ? Long.valueOf(value) : null;
	}

}
