package io.switchboard.bench;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Keeps the bench on this machine: it opens thousands of connections and writes to a
 * database, which is nothing to point at another host by mistake.
 */
final class Loopback {

	private Loopback() {
	}

	static URI requireHttp(String url, String option) {
		URI uri = URI.create(url);
		if (!"http".equals(uri.getScheme()) || uri.getPort() < 0) {
			throw new UsageError(option + " must look like http://127.0.0.1:8080, not '" + url + "'");
		}
		require(uri.getHost(), option);
		return uri;
	}

	/**
	 * Checks a {@code jdbc:postgresql://host:port/db} URL's host.
	 */
	static String requireJdbc(String url, String option) {
		if (!url.startsWith("jdbc:postgresql://")) {
			throw new UsageError(option + " must be a jdbc:postgresql:// URL, not '" + url + "'");
		}
		require(URI.create(url.substring("jdbc:".length())).getHost(), option);
		return url;
	}

	private static void require(@Nullable String host, String option) {
		if (host == null || !isLoopback(host)) {
			throw new UsageError(
					option + " must point at this machine (localhost, 127.x.x.x or ::1), not '" + host + "'");
		}
	}

	static boolean isLoopback(String host) {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		return bare.equalsIgnoreCase("localhost") || bare.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
				|| bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1");
	}

}
