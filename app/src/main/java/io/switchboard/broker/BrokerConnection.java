package io.switchboard.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The address and credentials the node's broker link uses, settled once at startup: for
 * the embedded broker an in-VM address, a free port and random credentials unless
 * configured.
 *
 * @param host the broker's host
 * @param port the broker's core-protocol port
 * @param inVmId the in-VM acceptor of an embedded broker, or -1 for an external broker
 * @param login the broker login
 * @param passcode the broker passcode
 */
record BrokerConnection(String host, int port, int inVmId, String login, String passcode) {

	/** Each embedded broker in this JVM (tests run several) has its own in-VM address. */
	private static final AtomicInteger inVmIds = new AtomicInteger(new SecureRandom().nextInt(1_000_000));

	static BrokerConnection from(BrokerSettings settings) {
		if (!settings.embedded()) {
			if (settings.port() <= 0 || isBlank(settings.login()) || isBlank(settings.passcode())) {
				throw new IllegalStateException(
						"switchboard.broker.embedded=false needs switchboard.broker.port, login and passcode");
			}
			return new BrokerConnection(settings.host(), settings.port(), -1, settings.login(), settings.passcode());
		}
		int port = (settings.port() > 0) ? settings.port() : freePort(settings.host());
		String login = isBlank(settings.login()) ? "switchboard" : settings.login();
		String passcode = isBlank(settings.passcode()) ? randomSecret() : settings.passcode();
		return new BrokerConnection(settings.host(), port, inVmIds.incrementAndGet(), login, passcode);
	}

	/**
	 * Where the link connects: in-VM to the embedded broker, over TCP to an external one.
	 */
	String linkUrl() {
		return (this.inVmId >= 0) ? "vm://" + this.inVmId : tcpUrl();
	}

	String tcpUrl() {
		return "tcp://" + this.host + ":" + this.port;
	}

	String describe() {
		return (this.inVmId >= 0) ? "embedded broker (" + tcpUrl() + ")" : tcpUrl();
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
