package io.switchboard.readme;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The README snippet tests run where Node 20 or later is on the PATH and
 * {@code SWITCHBOARD_NODE_MODULES} names a {@code node_modules} with
 * {@code @stomp/stompjs} and {@code ws}, as {@code .ci/run} prepares. Elsewhere they are
 * skipped with a message saying what is missing; with
 * {@code SWITCHBOARD_NODE_TESTS=required} they fail instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(NeedsNode.Check.class)
@interface NeedsNode {

	Path MODULES = Path.of(System.getenv().getOrDefault("SWITCHBOARD_NODE_MODULES", "node_modules")).toAbsolutePath();

	class Check implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String missing = missing();
			if (missing == null) {
				return ConditionEvaluationResult.enabled("Node and the snippet's packages are there");
			}
			if ("required".equals(System.getenv("SWITCHBOARD_NODE_TESTS"))) {
				throw new IllegalStateException(missing);
			}
			return ConditionEvaluationResult.disabled(missing);
		}

		private static String missing() {
			if (!Files.isDirectory(MODULES.resolve("@stomp/stompjs")) || !Files.isDirectory(MODULES.resolve("ws"))) {
				return "the README snippet test needs SWITCHBOARD_NODE_MODULES to name a node_modules with "
						+ "@stomp/stompjs and ws (npm install @stomp/stompjs@7 ws@8)";
			}
			String version = nodeVersion();
			if (version == null || majorOf(version) < 20) {
				return "the README snippet test needs Node 20 or later on the PATH, found " + version;
			}
			return null;
		}

		private static String nodeVersion() {
			try {
				Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
				String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
				return (node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0) ? version : null;
			}
			catch (IOException ex) {
				return null;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
		}

		private static int majorOf(String version) {
			try {
				return Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

	}

}
