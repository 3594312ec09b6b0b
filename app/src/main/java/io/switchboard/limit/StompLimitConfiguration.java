package io.switchboard.limit;

import io.switchboard.broker.StompErrors;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Puts the SEND limits after STOMP security, so that they count frames of known users
 * that may be sent.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class StompLimitConfiguration implements WebSocketMessageBrokerConfigurer {

	private final RateLimits limits;

	private final StompErrors errors;

	/**
	 * {@code errors} is lazy: it needs the message broker that this configurer helps to
	 * build.
	 */
	StompLimitConfiguration(RateLimits limits, @Lazy StompErrors errors) {
		this.limits = limits;
		this.errors = errors;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new StompRateLimiting(this.limits, this.errors));
	}

}
