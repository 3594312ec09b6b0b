package io.switchboard.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no external token issuer is configured, so this server issues and checks
 * its own HS256 tokens for built-in accounts.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnBuiltInTokens.Condition.class)
@interface OnBuiltInTokens {

	String[] EXTERNAL_ISSUER_PROPERTIES = { "spring.security.oauth2.resourceserver.jwt.issuer-uri",
			"spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
			"spring.security.oauth2.resourceserver.jwt.public-key-location" };

	class Condition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return externalIssuerConfigured(context.getEnvironment())
					? ConditionOutcome.noMatch("an external token issuer is configured")
					: ConditionOutcome.match("no external token issuer is configured");
		}

		static boolean externalIssuerConfigured(Environment environment) {
			return Arrays.stream(EXTERNAL_ISSUER_PROPERTIES).anyMatch(environment::containsProperty);
		}

	}

}
