package io.switchboard.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The address and credentials the relay uses, settled once at startup: for the embedded
 * broker a free port and random credentials unless configured.
 */
record BrokerConnection(String host, int port, String login, String passcode) {

	static BrokerConnection from(BrokerSettings settings) {
		if (!settings.embedded()) {
			if (settings.port() <= 0 || isBlank(settings.login()) || isBlank(settings.passcode())) {
				throw new IllegalStateException(
						"switchboard.broker.embedded=false needs switchboard.broker.port, login and passcode");
			}
			return new BrokerConnection(settings.host(), settings.port(), settings.login(), settings.passcode());
		}
		int port = (settings.port() > 0) ? settings.port() : freePort(settings.host());
		String login = isBlank(settings.login()) ? "relay" : settings.login();
		String passcode = isBlank(settings.passcode()) ? randomSecret() : settings.passcode();
		return new BrokerConnection(settings.host(), port, login, passcode);
	}

	@Override
	public String toString() {
		return "BrokerConnection[" + this.host + ":" + this.port + ", login=" + this.login + ", passcode=<hidden>]";
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static int freePort(String host) {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free port for the embedded broker on " + host, ex);
		}
	}

	private static String randomSecret() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
