package io.switchboard.broker;

import java.util.List;
import java.util.Set;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache Artemis broker in this JVM with one STOMP acceptor on loopback that only the
 * relay's credentials open. It keeps no journal: the database is the record, the broker
 * only fans out.
 */
class EmbeddedBroker {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedBroker.class);

	private static final String RELAY_ROLE = "relay";

	private final BrokerConnection connection;

	private final BrokerSettings settings;

	private final EmbeddedActiveMQ artemis = new EmbeddedActiveMQ();

	EmbeddedBroker(BrokerConnection connection, BrokerSettings settings) {
		this.connection = connection;
		this.settings = settings;
	}

	public synchronized void start() throws Exception {
		if (this.artemis.getActiveMQServer() == null) {
			this.artemis.setConfiguration(configuration());
			this.artemis.setSecurityManager(securityManager());
		}
		this.artemis.start();
		logger.info("Embedded Artemis broker listening for STOMP on {}:{}", this.connection.host(),
				this.connection.port());
	}

	public synchronized void stop() throws Exception {
		this.artemis.stop();
		logger.info("Embedded Artemis broker stopped");
	}

	/**
	 * The names of the broker's queues, e.g. {@code notifications-user<session>}.
	 */
	public List<String> queueNames() {
		return this.artemis.getActiveMQServer()
			.getPostOffice()
			.getAllBindings()
			.filter((binding) -> binding.getBindable() instanceof Queue)
			.map((binding) -> ((Queue) binding.getBindable()).getName().toString())
			.toList();
	}

	private Configuration configuration() throws Exception {
		Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(false)
			.setSecurityEnabled(true)
			.setJMXManagementEnabled(false)
			.setAddressQueueScanPeriod(this.settings.queueScanPeriod().toMillis());
		configuration.addAcceptorConfiguration("stomp", acceptorUri());
		configuration.putSecurityRoles("#", Set
			.of(new Role(RELAY_ROLE, true, true, true, true, true, true, false, true, true, true, false, false)));
		// Per-session user queues go when their session does, even with messages left in
		// them: nobody else will ever consume them.
		configuration.addAddressSetting("#",
				new AddressSettings().setAutoCreateQueues(true)
					.setAutoCreateAddresses(true)
					.setAutoDeleteQueues(true)
					.setAutoDeleteAddresses(true)
					.setAutoDeleteQueuesMessageCount(-1L)
					.setAutoDeleteQueuesSkipUsageCheck(true));
		return configuration;
	}

	/**
	 * The acceptor's connection TTL settings are where the "idle relay session dropped"
	 * trap lives: a client's TTL is its heart-beat interval times
	 * {@code heartBeatToConnectionTtlModifier}, and a client that does not heart-beat at
	 * all gets {@code connectionTtl}.
	 */
	private String acceptorUri() {
		return "tcp://" + this.connection.host() + ":" + this.connection.port() + "?protocols=STOMP"
				+ ";anycastPrefix=/queue/;multicastPrefix=/topic/" + ";heartBeatToConnectionTtlModifier="
				+ this.settings.heartbeatTtlFactor() + ";connectionTtl=" + this.settings.silentClientTtl().toMillis();
	}

	private ActiveMQJAASSecurityManager securityManager() {
		SecurityConfiguration users = new SecurityConfiguration();
		users.addUser(this.connection.login(), this.connection.passcode());
		users.addRole(this.connection.login(), RELAY_ROLE);
		return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
	}

}
