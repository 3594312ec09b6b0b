package io.switchboard.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * A standalone Artemis broker, configured by {@code docker/artemis/broker.xml} as a
 * deployment's is, that a test starts on loopback to play the external broker of one or
 * more nodes. Only what a test machine needs is changed: the acceptor moves to a free
 * loopback port and the journal to a temporary folder. Its users are those the file's
 * roles describe: a node login and the publishers' {@value #PUBLISHER}.
 */
final class ExternalTestBroker {

	static final Path CONFIGURATION = Path.of("..", "docker", "artemis", "broker.xml");

	static final String PUBLISHER = "trading";

	static final String PUBLISHER_PASSCODE = "trading-secret";

	private final BrokerConnection connection;

	private final EmbeddedActiveMQ broker;

	private final Path instance;

	private ExternalTestBroker(BrokerConnection connection, EmbeddedActiveMQ broker, Path instance) {
		this.connection = connection;
		this.broker = broker;
		this.instance = instance;
	}

	static ExternalTestBroker start(String login) throws Exception {
		BrokerConnection connection = new BrokerConnection("127.0.0.1", freePort(), -1, login, login + "-secret");
		Path instance = Files.createTempDirectory("artemis-");
		FileConfiguration configuration = new FileConfiguration();
		FileDeploymentManager deployment = new FileDeploymentManager(CONFIGURATION.toUri().toString());
		deployment.addDeployable(configuration);
		deployment.readConfiguration();
		configuration.setBrokerInstance(instance.toFile());
		configuration.setJMXManagementEnabled(false);
		configuration.clearAcceptorConfigurations();
		configuration.addAcceptorConfiguration("core", connection.tcpUrl() + "?protocols=CORE");
		SecurityConfiguration users = new SecurityConfiguration();
		users.addUser(login, connection.passcode());
		users.addRole(login, "switchboard-node");
		users.addUser(PUBLISHER, PUBLISHER_PASSCODE);
		users.addRole(PUBLISHER, "switchboard-publisher");
		EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration)
			.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
		broker.start();
		return new ExternalTestBroker(connection, broker, instance);
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

	String tcpUrl() {
		return this.connection.tcpUrl();
	}

	List<String> queueNames() {
		return this.broker.getActiveMQServer()
			.getPostOffice()
			.getAllBindings()
			.filter((binding) -> binding.getBindable() instanceof Queue)
			.map((binding) -> ((Queue) binding.getBindable()).getName().toString())
			.toList();
	}

	void stop() throws Exception {
		this.broker.stop();
		FileSystemUtils.deleteRecursively(this.instance);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
