package io.switchboard.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens for built-in accounts: HS256, signed and checked with the configured secret.
 * When an external issuer is configured, Spring Boot's resource-server configuration
 * provides the decoder instead.
 */
@Configuration(proxyBeanMethods = false)
@OnBuiltInTokens
class BuiltInTokenConfiguration {

	private static final int MIN_SECRET_BYTES = 32;

	@Bean
	JwtDecoder jwtDecoder(SecuritySettings settings, TokenLifetime lifetime) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(settings))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(settings.issuer()), lifetime));
		return decoder;
	}

	@Bean
	JwtEncoder jwtEncoder(SecuritySettings settings) {
		return NimbusJwtEncoder.withSecretKey(key(settings)).algorithm(MacAlgorithm.HS256).build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	private static SecretKey key(SecuritySettings settings) {
		byte[] bytes = settings.jwtSecret().getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException(
					"switchboard.security.jwt-secret must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

}
