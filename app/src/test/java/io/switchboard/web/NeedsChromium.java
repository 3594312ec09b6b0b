package io.switchboard.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests run where Debian's Chromium and chromedriver are installed. A developer
 * machine without them skips the tests and says why; CI
 * ({@code SWITCHBOARD_BROWSER_TESTS=required}, set by {@code .ci/run}) fails instead, so
 * that a missing browser never passes as green.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(NeedsChromium.Check.class)
@interface NeedsChromium {

	class Check implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER)) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
			}
			String reason = "browser tests need " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER
					+ ": apt-get install -y chromium chromium-driver";
			if ("required".equals(System.getenv("SWITCHBOARD_BROWSER_TESTS"))) {
				throw new IllegalStateException(reason);
			}
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
