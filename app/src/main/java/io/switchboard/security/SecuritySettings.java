package io.switchboard.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for built-in accounts' tokens, under {@code switchboard.security}.
 *
 * @param jwtSecret the HS256 key for tokens this server issues; at least 32 bytes
 * @param tokenTtl how long an issued token is valid
 * @param issuer the {@code iss} claim of issued tokens
 * @param maxTokenLifetime the longest a token may live, built-in or from an external
 * issuer ({@code exp} minus {@code iat}); one without {@code exp} is refused
 * @param sessionMaxAge how long after signing in with a password a built-in token can
 * still be renewed; the session then ends when its last token expires
 */
@ConfigurationProperties("switchboard.security")
record SecuritySettings(@DefaultValue(DEMO_SECRET) String jwtSecret, @DefaultValue("1h") Duration tokenTtl,
		@DefaultValue("switchboard") String issuer, @DefaultValue("workspace") String workspaceClaim,
		@DefaultValue("24h") Duration maxTokenLifetime, @DefaultValue("7d") Duration sessionMaxAge) {

	SecuritySettings {
		if (tokenTtl.compareTo(maxTokenLifetime) > 0) {
			throw new IllegalArgumentException("switchboard.security.token-ttl (" + tokenTtl
					+ ") must not exceed switchboard.security.max-token-lifetime (" + maxTokenLifetime + ")");
		}
		if (tokenTtl.compareTo(sessionMaxAge) > 0) {
			throw new IllegalArgumentException("switchboard.security.token-ttl (" + tokenTtl
					+ ") must not exceed switchboard.security.session-max-age (" + sessionMaxAge + ")");
		}
	}

	/** Safe only for a demo: a production profile refuses to start with it. */
	public static final String DEMO_SECRET = "switchboard-demo-secret-not-for-production-use";

	public boolean usesDemoSecret() {
		return DEMO_SECRET.equals(this.jwtSecret);
	}

	@Override
	public String toString() {
		return "SecuritySettings[jwtSecret=<hidden>, tokenTtl=" + this.tokenTtl + ", issuer=" + this.issuer
				+ ", maxTokenLifetime=" + this.maxTokenLifetime + ", sessionMaxAge=" + this.sessionMaxAge + "]";
	}

}
