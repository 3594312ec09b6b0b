package io.switchboard.broker;

import java.util.List;
import java.util.Set;

import org.apache.activemq.artemis.api.core.RoutingType;
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
 * An Apache Artemis broker in this JVM. The node links to it in-VM; its core-protocol
 * acceptor on loopback, opened only by the configured credentials, lets it also play the
 * external broker of several nodes in tests. It keeps no journal: the database is the
 * record, the broker only fans out.
 */
class EmbeddedBroker {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedBroker.class);

	private static final String NODE_ROLE = "node";

	private static final String PUBLISHER_ROLE = "inbound-publisher";

	private final BrokerConnection connection;

	private final InboundSettings inbound;

	private final EmbeddedActiveMQ artemis = new EmbeddedActiveMQ();

	EmbeddedBroker(BrokerConnection connection, InboundSettings inbound) {
		this.connection = connection;
		this.inbound = inbound;
	}

	public synchronized void start() throws Exception {
		if (this.artemis.getActiveMQServer() == null) {
			this.artemis.setConfiguration(configuration());
			this.artemis.setSecurityManager(securityManager());
		}
		this.artemis.start();
		logger.info("Embedded Artemis broker started on {}", this.connection.tcpUrl());
	}

	public synchronized void stop() throws Exception {
		this.artemis.stop();
		logger.info("Embedded Artemis broker stopped");
	}

	/**
	 * The names of the broker's queues: one per destination a node subscribes to.
	 */
	public List<String> queueNames() {
		return this.artemis.getActiveMQServer()
			.getPostOffice()
			.getAllBindings()
			.filter((binding) -> binding.getBindable() instanceof Queue)
			.map((binding) -> ((Queue) binding.getBindable()).getName().toString())
			.toList();
	}

	/**
	 * The first block of a queue's intake buffer, in messages. Artemis's default, 8,192
	 * references (64 KB of heap in every queue), is sized for a few deep queues; the
	 * engine has one shallow queue per subscribed address, and a busy one grows block by
	 * block.
	 */
	static final int QUEUE_BUFFER_SIZE = 128;

	private Configuration configuration() throws Exception {
		Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(false)
			.setSecurityEnabled(true)
			.setJMXManagementEnabled(false);
		configuration.addAcceptorConfiguration("in-vm", "vm://" + this.connection.inVmId());
		configuration.addAcceptorConfiguration("core", this.connection.tcpUrl() + "?protocols=CORE");
		configuration.putSecurityRoles("#", Set.of(nodeRole(false)));
		// The inbound queues outlive the nodes; publishers may send to theirs, nothing
		// more.
		configuration.putSecurityRoles(this.inbound.address(), Set.of(nodeRole(true), new Role(PUBLISHER_ROLE, true,
				false, false, false, false, false, false, false, false, false, false, false)));
		configuration.putSecurityRoles(this.inbound.deadLetterAddress(), Set.of(nodeRole(true)));
		// Events are published to addresses that exist only while some node subscribes:
		// with no queue bound, the broker drops them, which is what fanout wants.
		configuration.addAddressSetting("#",
				new AddressSettings().setAutoCreateAddresses(true)
					.setAutoDeleteAddresses(true)
					.setDefaultAddressRoutingType(RoutingType.MULTICAST)
					.setInitialQueueBufferSize(QUEUE_BUFFER_SIZE));
		for (String inboundAddress : List.of(this.inbound.address(), this.inbound.deadLetterAddress())) {
			configuration.addAddressSetting(inboundAddress,
					new AddressSettings().setAutoCreateAddresses(true)
						.setAutoDeleteAddresses(false)
						.setDefaultAddressRoutingType(RoutingType.ANYCAST)
						// The consumer retries what it cannot handle yet; it never gives
						// up.
						.setMaxDeliveryAttempts(-1));
		}
		return configuration;
	}

	/**
	 * What a node may do: publish and consume fanout through queues that go with it, and
	 * on the inbound addresses also keep queues that outlive it.
	 */
	private static Role nodeRole(boolean durableQueues) {
		return new Role(NODE_ROLE, true, true, durableQueues, false, true, true, false, false, true, true, false,
				false);
	}

	private ActiveMQJAASSecurityManager securityManager() {
		SecurityConfiguration users = new SecurityConfiguration();
		users.addUser(this.connection.login(), this.connection.passcode());
		users.addRole(this.connection.login(), NODE_ROLE);
		if (this.inbound.hasPublisher()) {
			users.addUser(this.inbound.login(), this.inbound.passcode());
			users.addRole(this.inbound.login(), PUBLISHER_ROLE);
		}
		return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
	}

}
