package io.switchboard.broker;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

import org.springframework.context.ApplicationContext;

/**
 * Core-protocol sessions on the embedded broker of a server under test, over TCP as a
 * system outside would open them.
 */
public final class EmbeddedBrokerAccess implements AutoCloseable {

	private final ServerLocator locator;

	private final ClientSessionFactory factory;

	private final BrokerConnection connection;

	public EmbeddedBrokerAccess(ApplicationContext context) throws Exception {
		this.connection = context.getBean(BrokerConnection.class);
		this.locator = ActiveMQClient.createServerLocator(this.connection.tcpUrl())
			.setBlockOnDurableSend(true)
			.setBlockOnNonDurableSend(true)
			.setCallTimeout(5_000);
		this.factory = this.locator.createSessionFactory();
	}

	/**
	 * Where a client outside connects, e.g. {@code tcp://127.0.0.1:40123}.
	 */
	public String tcpUrl() {
		return this.connection.tcpUrl();
	}

	/**
	 * A session that acknowledges and sends at once.
	 */
	public ClientSession session(String login, String passcode) throws Exception {
		ClientSession session = this.factory.createSession(login, passcode, false, true, true, false, 0);
		session.start();
		return session;
	}

	/**
	 * A session with the node's own credentials, which may read the dead letters.
	 */
	public ClientSession nodeSession() throws Exception {
		return session(this.connection.login(), this.connection.passcode());
	}

	@Override
	public void close() {
		this.factory.close();
		this.locator.close();
	}

}
