package io.switchboard.security;

import java.util.List;

import io.switchboard.channel.ChannelAccess;
import io.switchboard.user.UserDirectory;
import io.switchboard.broker.HandledSends;
import io.switchboard.broker.StompErrors;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.security.messaging.context.AuthenticationPrincipalArgumentResolver;
import org.springframework.security.messaging.context.SecurityContextChannelInterceptor;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP security: authentication of CONNECT, authorization of every frame, the
 * authenticated user for {@code @MessageMapping} methods. Ordered first, so no other
 * interceptor sees an unchecked frame.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE + 99)
class StompSecurityConfiguration implements WebSocketMessageBrokerConfigurer {

	private final JwtDecoder decoder;

	private final UserAuthenticationConverter converter;

	private final ChannelAccess channels;

	private final StompErrors errors;

	private final MessageChannel clientOutboundChannel;

	private final HandledSends handledSends;

	private final UserDirectory users;

	/**
	 * {@code errors} and {@code clientOutboundChannel} are lazy: the configuration that
	 * asks for this configurer creates what they send through.
	 */
	StompSecurityConfiguration(JwtDecoder decoder, UserAuthenticationConverter converter, ChannelAccess channels,
			@Lazy StompErrors errors, @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel,
			HandledSends handledSends, UserDirectory users) {
		this.users = users;
		this.decoder = decoder;
		this.converter = converter;
		this.channels = channels;
		this.errors = errors;
		this.clientOutboundChannel = clientOutboundChannel;
		this.handledSends = handledSends;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new StompAuthentication(this.decoder, this.converter, this.clientOutboundChannel),
				new SecurityContextChannelInterceptor(), new StompAuthorization(StompAuthorizationRules
					.build(this.channels, this.handledSends::handles, this.users::inWorkspace), this.errors));
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> argumentResolvers) {
		argumentResolvers.add(new AuthenticationPrincipalArgumentResolver());
	}

}
