package io.switchboard.limit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits, under {@code switchboard.limits}. Each is a token bucket that holds up to
 * its burst and refills at its rate.
 *
 * @param enabled all limits on or off (the benchmark switches them off)
 * @param sendsPerSecond SENDs of one user, over all their sessions on a node, apart from
 * typing and read frames
 * @param sendBurst how many SENDs may come at once before the rate applies
 * @param typingAndReadPerSecond typing and read frames of one user, also their burst
 * @param restWritesPerSecond REST writes (POST, PUT, PATCH, DELETE) of one user, also
 * their burst
 * @param tokenFailuresPerMinute failed {@code POST /api/auth/token} attempts for one
 * username, over all nodes
 * @param tokenRequestsPerMinute {@code POST /api/auth/token} requests from one client
 * address, over all nodes
 * @param connectionsPerSecond new WebSocket and SockJS sessions from one client address,
 * also their burst
 */
@ConfigurationProperties("switchboard.limits")
public record LimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("10") int sendsPerSecond,
		@DefaultValue("30") int sendBurst, @DefaultValue("5") int typingAndReadPerSecond,
		@DefaultValue("20") int restWritesPerSecond, @DefaultValue("5") int tokenFailuresPerMinute,
		@DefaultValue("30") int tokenRequestsPerMinute, @DefaultValue("30") int connectionsPerSecond) {

	public LimitSettings {
		if (sendsPerSecond < 1 || sendBurst < 1 || typingAndReadPerSecond < 1 || restWritesPerSecond < 1
				|| tokenFailuresPerMinute < 1 || tokenRequestsPerMinute < 1 || connectionsPerSecond < 1) {
			throw new IllegalArgumentException("every switchboard.limits rate and burst must be at least 1");
		}
	}

}
