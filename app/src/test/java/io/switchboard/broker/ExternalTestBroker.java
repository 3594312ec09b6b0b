package io.switchboard.broker;

import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An Artemis broker that a test starts on loopback to play an external one, with
 * credentials of its own, and the settings that point a server at it.
 */
final class ExternalTestBroker {

	private final BrokerConnection connection;

	private final EmbeddedBroker broker;

	private ExternalTestBroker(BrokerConnection connection, EmbeddedBroker broker) {
		this.connection = connection;
		this.broker = broker;
	}

	static ExternalTestBroker start(String login) throws Exception {
		BrokerSettings settings = new BrokerSettings(true, "127.0.0.1", 0, login, login + "-secret", 2);
		BrokerConnection connection = BrokerConnection.from(settings);
		EmbeddedBroker broker = new EmbeddedBroker(connection, new InboundSettings(true,
				"switchboard.inbound.notifications", "switchboard.inbound.notifications.dead", null, null));
		broker.start();
		return new ExternalTestBroker(connection, broker);
	}

	/**
	 * Points the server under test at this broker.
	 */
	void register(DynamicPropertyRegistry registry) {
		registry.add("switchboard.broker.embedded", () -> "false");
		registry.add("switchboard.broker.host", this.connection::host);
		registry.add("switchboard.broker.port", this.connection::port);
		registry.add("switchboard.broker.login", this.connection::login);
		registry.add("switchboard.broker.passcode", this.connection::passcode);
	}

	/**
	 * The same settings as command-line arguments, for a server started by hand.
	 */
	List<String> arguments() {
		return List.of("--switchboard.broker.embedded=false", "--switchboard.broker.host=" + this.connection.host(),
				"--switchboard.broker.port=" + this.connection.port(),
				"--switchboard.broker.login=" + this.connection.login(),
				"--switchboard.broker.passcode=" + this.connection.passcode());
	}

	List<String> queueNames() {
		return this.broker.queueNames();
	}

	void stop() throws Exception {
		this.broker.stop();
	}

}
