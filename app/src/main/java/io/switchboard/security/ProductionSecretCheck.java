package io.switchboard.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In the {@code prod} profile, refuses to start with the demo token secret: anyone who
 * read the README could mint tokens.
 */
@Component
@Profile("prod")
@OnBuiltInTokens
class ProductionSecretCheck implements InitializingBean {

	private final SecuritySettings settings;

	ProductionSecretCheck(SecuritySettings settings) {
		this.settings = settings;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.settings.usesDemoSecret()) {
			throw new IllegalStateException(
					"The prod profile needs its own token secret: set SWITCHBOARD_SECURITY_JWT_SECRET "
							+ "(at least 32 random bytes) or configure an external issuer");
		}
	}

}
