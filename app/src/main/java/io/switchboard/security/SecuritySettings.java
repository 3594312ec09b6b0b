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
 */
@ConfigurationProperties("switchboard.security")
record SecuritySettings(@DefaultValue(DEMO_SECRET) String jwtSecret, @DefaultValue("1h") Duration tokenTtl,
		@DefaultValue("switchboard") String issuer, @DefaultValue("workspace") String workspaceClaim) {

	/** Safe only for a demo: a production profile refuses to start with it. */
	public static final String DEMO_SECRET = "switchboard-demo-secret-not-for-production-use";

	public boolean usesDemoSecret() {
		return DEMO_SECRET.equals(this.jwtSecret);
	}

	@Override
	public String toString() {
		return "SecuritySettings[jwtSecret=<hidden>, tokenTtl=" + this.tokenTtl + ", issuer=" + this.issuer + "]";
	}

}
