package io.switchboard.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.switchboard.system.RefusalLog;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQQueueExistsException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes the inbound address on a thread of its own, one message at a time, in a
 * transacted session: a message is acknowledged only after its handler has returned, and
 * one that cannot be handled moves to the dead-letter address in the same broker
 * transaction as its acknowledgement, so none is lost between the two. Several nodes
 * compete for the queue; each message goes to one of them.
 */
class InboundConsumer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(InboundConsumer.class);

	private static final RefusalLog deadLettered = new RefusalLog(InboundConsumer.class);

	/** The property of a dead letter that says why it could not be handled. */
	static final String REASON = "reason";

	/** The property of a dead letter that names the message it was. */
	static final String ORIGINAL_MESSAGE_ID = "originalMessageId";

	/**
	 * Larger than the largest valid publication (10,000 recipients and 8 KiB of data);
	 * anything larger is refused unread.
	 */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final BrokerConnection connection;

	private final InboundSettings settings;

	private final ObjectProvider<InboundMessageHandler> handlers;

	private volatile @Nullable InboundMessageHandler handler;

	private volatile @Nullable Thread worker;

	InboundConsumer(BrokerConnection connection, InboundSettings settings,
			ObjectProvider<InboundMessageHandler> handlers) {
		this.connection = connection;
		this.settings = settings;
		this.handlers = handlers;
	}

	/**
	 * Starts consuming if a handler is there: without one, messages wait in the queue.
	 */
	@Override
	public synchronized void start() {
		this.handler = this.handlers.getIfUnique();
		if (this.handler == null) {
			return;
		}
		Thread thread = new Thread(this::run, "broker-inbound");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread;
		synchronized (this) {
			thread = this.worker;
			this.worker = null;
		}
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

	private InboundMessageHandler handler() {
		InboundMessageHandler current = this.handler;
		if (current == null) {
			throw new IllegalStateException("consuming without a handler");
		}
		return current;
	}

	private boolean running() {
		return this.worker == Thread.currentThread();
	}

	private void run() {
		boolean warned = false;
		while (running()) {
			try (ServerLocator locator = ActiveMQClient.createServerLocator(this.connection.linkUrl())
				.setReconnectAttempts(0)
				.setInitialConnectAttempts(1)
				.setCallTimeout(5_000);
					ClientSessionFactory factory = locator.createSessionFactory();
					ClientSession session = factory.createSession(this.connection.login(), this.connection.passcode(),
							false, false, false, false, 0)) {
				declare(session, this.settings.address());
				declare(session, this.settings.deadLetterAddress());
				logger.info("Consuming inbound notifications from {}", this.settings.address());
				warned = false;
				consume(session);
			}
			catch (Exception ex) {
				if (!running()) {
					return;
				}
				if (!warned) {
					logger.warn("Cannot consume {} from the broker, retrying every second: {}", this.settings.address(),
							ex.getMessage());
					warned = true;
				}
				pause();
			}
		}
	}

	private void consume(ClientSession session) throws ActiveMQException {
		try (ClientConsumer consumer = session.createConsumer(this.settings.address());
				ClientProducer deadLetters = session.createProducer(this.settings.deadLetterAddress())) {
			session.start();
			while (running()) {
				ClientMessage message = consumer.receive(RETRY.toMillis());
				if (message != null) {
					handle(session, deadLetters, message);
				}
			}
		}
	}

	private void handle(ClientSession session, ClientProducer deadLetters, ClientMessage message)
			throws ActiveMQException {
		String id = (message.getUserID() != null) ? message.getUserID().toString()
				: String.valueOf(message.getMessageID());
		String body = "";
		try {
			body = body(message);
			handler().handle(id, body);
			message.acknowledge();
			session.commit();
		}
		catch (InboundMessageRejected rejected) {
			ClientMessage dead = session.createMessage(Message.TEXT_TYPE, true);
			dead.getBodyBuffer().writeNullableSimpleString(SimpleString.of(body));
			dead.putStringProperty(REASON, rejected.getMessage());
			dead.putStringProperty(ORIGINAL_MESSAGE_ID, id);
			deadLetters.send(dead);
			message.acknowledge();
			session.commit();
			deadLettered.info("Moved inbound message {} to {}: {}", id, this.settings.deadLetterAddress(),
					rejected.getMessage());
		}
		catch (RuntimeException ex) {
			// Storage down, for one: the message comes back once the pause is over. Said
			// once a minute, not on every attempt.
			if (message.getDeliveryCount() % 60 == 1) {
				logger.warn("Could not handle inbound message {} (attempt {}), retrying every second: {}", id,
						message.getDeliveryCount(), ex.getMessage());
			}
			session.rollback();
			pause();
		}
	}

	/**
	 * The body as text: a text message's string, or any other message's bytes as UTF-8.
	 * @throws InboundMessageRejected if it is too large to be a publication
	 */
	private static String body(ClientMessage message) {
		if (message.getBodySize() > MAX_BODY_BYTES) {
			throw new InboundMessageRejected("the body is larger than " + MAX_BODY_BYTES + " bytes");
		}
		if (message.getType() == Message.TEXT_TYPE) {
			SimpleString text = message.getBodyBuffer().readNullableSimpleString();
			return (text != null) ? text.toString() : "";
		}
		byte[] bytes = new byte[message.getBodyBuffer().readableBytes()];
		message.getBodyBuffer().readBytes(bytes);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * An anycast queue of the address's name that outlives the nodes, so that what is
	 * sent while no node consumes waits, on a broker that persists.
	 */
	private static void declare(ClientSession session, String address) throws ActiveMQException {
		if (session.queueQuery(SimpleString.of(address)).isExists()) {
			return;
		}
		try {
			session.createQueue(QueueConfiguration.of(address)
				.setAddress(address)
				.setRoutingType(RoutingType.ANYCAST)
				.setDurable(true)
				.setAutoCreated(false));
		}
		catch (ActiveMQQueueExistsException createdByAnotherNode) {
			// as wanted
		}
	}

	private void pause() {
		try {
			Thread.sleep(RETRY.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
