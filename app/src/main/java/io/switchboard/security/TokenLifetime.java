package io.switchboard.security;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses a token that never expires or lives longer than
 * {@code switchboard.security.max-token-lifetime}: from {@code iat} to {@code exp}, or
 * from now when it has no {@code iat}. Built-in tokens are checked with it, and Spring
 * Boot adds it to an external issuer's decoder, as it does every such validator bean.
 */
@Component
class TokenLifetime implements OAuth2TokenValidator<Jwt> {

	/** The clock skew the standard timestamp check allows, for a token without iat. */
	private static final Duration SKEW = Duration.ofSeconds(60);

	private final Duration max;

	TokenLifetime(SecuritySettings settings) {
		this.max = settings.maxTokenLifetime();
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		Instant expiresAt = token.getExpiresAt();
		if (expiresAt == null) {
			return refused("the token has no expiry (exp)");
		}
		Instant issuedAt = token.getIssuedAt();
		// Spring's decoder gives a token without iat the iat exp - 1 s; such a token is
		// measured from now, which for a real one-second token makes no difference.
		boolean withoutIssuedAt = issuedAt == null || issuedAt.equals(expiresAt.minusSeconds(1));
		Duration lifetime = withoutIssuedAt ? Duration.between(Instant.now(), expiresAt).minus(SKEW)
				: Duration.between(issuedAt, expiresAt);
		if (lifetime.compareTo(this.max) > 0) {
			return refused("the token lives longer than the " + this.max.toHours() + " h this server allows");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult refused(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
