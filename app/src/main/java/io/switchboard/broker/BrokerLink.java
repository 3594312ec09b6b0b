package io.switchboard.broker;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.activemq.artemis.api.core.ActiveMQException;
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
import org.apache.activemq.artemis.api.core.client.SessionFailureListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;

/**
 * The node's link to Apache Artemis, over Artemis's core protocol: a few connections for
 * the whole node, one broker queue per broker address this node has local subscribers
 * for. An event published here reaches every node that subscribes its destination, once.
 * Destinations of which there are many, such as users' queues, share a fixed set of
 * broker addresses (see {@link Destination#route()}): a node then also receives events
 * for users it does not hold and drops them, and the broker's queues stay few.
 * <p>
 * When the broker goes away the link says so, keeps trying every second, and on return
 * binds its destinations again. What was published meanwhile is lost here; the delivery
 * engine recovers committed channel events from the database.
 */
class BrokerLink implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(BrokerLink.class);

	static final String SEQ = "seq";

	static final String PUBLISHED_AT = "publishedAt";

	private static final Duration RETRY = Duration.ofSeconds(1);

	static final String ADDRESS = "address";

	private static final int BIND_LOCKS = 64;

	/**
	 * The broker addresses this node subscribes, each with the addresses it carries here;
	 * bound again on every (re)connection.
	 */
	private final Map<String, Set<String>> carriers = new ConcurrentHashMap<>();

	/** Binding and unbinding of one carrier happen one at a time, under one of these. */
	private final Object[] bindLocks = new Object[BIND_LOCKS];

	private final BrokerConnection connection;

	private final int connections;

	private final TaskScheduler scheduler;

	private final String nodeId = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));

	private volatile @Nullable Receiver receiver;

	private volatile @Nullable Link link;

	private volatile boolean running;

	private volatile boolean everConnected;

	BrokerLink(BrokerConnection connection, BrokerSettings settings, TaskScheduler scheduler) {
		this.connection = connection;
		this.connections = Math.max(1, settings.connections());
		this.scheduler = scheduler;
		for (int i = 0; i < this.bindLocks.length; i++) {
			this.bindLocks[i] = new Object();
		}
	}

	/**
	 * Where events for bound destinations go, and who hears that the link came back.
	 */
	void setReceiver(Receiver receiver) {
		this.receiver = receiver;
	}

	boolean isUp() {
		return this.link != null;
	}

	String describe() {
		return this.connection.describe();
	}

	/**
	 * Sends an event to every node that subscribes its route's address.
	 * @throws BrokerUnavailable if the broker cannot take it now
	 */
	void publish(Route route, long seq, byte[] body) {
		Link current = this.link;
		if (current == null) {
			throw new BrokerUnavailable("the broker link is down");
		}
		current.publish(route, seq, body);
	}

	/**
	 * Subscribes this node to the route's address; idempotent. The broker address that
	 * carries it is bound while this node subscribes any address it carries.
	 */
	void bind(Route route) {
		synchronized (bindLock(route.carrier())) {
			Set<String> carried = this.carriers.computeIfAbsent(route.carrier(), (carrier) -> new HashSet<>());
			if (carried.add(route.address()) && carried.size() == 1) {
				Link current = this.link;
				if (current != null) {
					current.bind(route.carrier());
				}
			}
		}
	}

	void unbind(Route route) {
		synchronized (bindLock(route.carrier())) {
			Set<String> carried = this.carriers.get(route.carrier());
			if (carried == null || !carried.remove(route.address()) || !carried.isEmpty()) {
				return;
			}
			this.carriers.remove(route.carrier());
			Link current = this.link;
			if (current != null) {
				current.unbind(route.carrier());
			}
		}
	}

	private Object bindLock(String carrier) {
		return this.bindLocks[Math.floorMod(carrier.hashCode(), this.bindLocks.length)];
	}

	@Override
	public void start() {
		this.running = true;
		connect();
	}

	@Override
	public void stop() {
		this.running = false;
		Link current = this.link;
		this.link = null;
		if (current != null) {
			current.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Started before the web server takes connections, stopped after it stops.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 2048;
	}

	private void connect() {
		if (!this.running) {
			return;
		}
		Link fresh = null;
		try {
			fresh = new Link();
			// Published first, so that a carrier added meanwhile is bound either by its
			// bind() or by this loop (Link.bind is idempotent), and one removed meanwhile
			// is not bound again.
			this.link = fresh;
			for (String carrier : this.carriers.keySet()) {
				synchronized (bindLock(carrier)) {
					if (this.carriers.containsKey(carrier)) {
						fresh.bind(carrier);
					}
				}
			}
			logger.info("Broker link connected to {} ({} connections)", describe(), this.connections);
			Receiver current = this.receiver;
			if (this.everConnected && current != null) {
				current.linkRestored();
			}
			this.everConnected = true;
		}
		catch (Exception ex) {
			if (fresh != null) {
				fresh.close();
			}
			logger.warn("Broker link cannot reach {}: {}; retrying", describe(), ex.getMessage());
			this.scheduler.schedule(this::connect, this.scheduler.getClock().instant().plus(RETRY));
		}
	}

	private void failed(Link failed, String reason) {
		if (this.link != failed) {
			return;
		}
		this.link = null;
		logger.warn("Broker link lost {}: {}; reconnecting", describe(), reason);
		// Closing can wait on the connection that just failed: not on its own thread.
		this.scheduler.schedule(failed::close, this.scheduler.getClock().instant());
		this.scheduler.schedule(this::connect, this.scheduler.getClock().instant().plus(RETRY));
	}

	/**
	 * Where an event goes: the address by which nodes find its subscribers, and the
	 * broker address that carries it between nodes, which may carry other addresses too.
	 */
	record Route(String address, String carrier) {

		static Route direct(String address) {
			return new Route(address, address);
		}

		boolean shared() {
			return !this.address.equals(this.carrier);
		}

	}

	/**
	 * Receives what the broker delivers for the node's destinations.
	 */
	interface Receiver {

		/**
		 * Called on the thread of the connection that carries the destination, in the
		 * order the broker received the events.
		 */
		void receive(String address, long seq, long publishedAt, byte[] body);

		/** The link was down and is up again: events may have been lost meanwhile. */
		void linkRestored();

	}

	static final class BrokerUnavailable extends RuntimeException {

		BrokerUnavailable(String message) {
			super(message);
		}

	}

	/**
	 * One set of connections; replaced as a whole when the broker goes away.
	 */
	private final class Link implements SessionFailureListener {

		private final ServerLocator locator;

		private final ClientSessionFactory[] factories;

		private final ClientSession producerSession;

		private final ClientProducer producer;

		private final ClientSession[] consumerSessions;

		private final Map<String, ClientConsumer> consumers = new ConcurrentHashMap<>();

		Link() throws Exception {
			this.locator = ActiveMQClient.createServerLocator(BrokerLink.this.connection.linkUrl())
				.setReconnectAttempts(0)
				.setInitialConnectAttempts(1)
				.setCallTimeout(5_000);
			this.factories = new ClientSessionFactory[BrokerLink.this.connections];
			this.consumerSessions = new ClientSession[BrokerLink.this.connections];
			for (int i = 0; i < this.factories.length; i++) {
				this.factories[i] = this.locator.createSessionFactory();
				this.consumerSessions[i] = session(this.factories[i]);
				this.consumerSessions[i].start();
			}
			this.producerSession = session(this.factories[0]);
			this.producer = this.producerSession.createProducer();
		}

		private ClientSession session(ClientSessionFactory factory) throws ActiveMQException {
			// Fanout events are never redelivered: acknowledged when dispatched.
			ClientSession session = factory.createSession(BrokerLink.this.connection.login(),
					BrokerLink.this.connection.passcode(), false, true, true, true, 0);
			session.addFailureListener(this);
			return session;
		}

		void publish(Route route, long seq, byte[] body) {
			synchronized (this.producer) {
				try {
					ClientMessage message = this.producerSession.createMessage(false);
					message.setRoutingType(RoutingType.MULTICAST);
					message.putLongProperty(SEQ, seq);
					message.putLongProperty(PUBLISHED_AT, System.currentTimeMillis());
					if (route.shared()) {
						message.putStringProperty(ADDRESS, route.address());
					}
					message.getBodyBuffer().writeBytes(body);
					this.producer.send(SimpleString.of(route.carrier()), message);
				}
				catch (ActiveMQException ex) {
					throw new BrokerUnavailable(ex.getMessage());
				}
			}
		}

		void bind(String carrier) {
			ClientSession session = sessionFor(carrier);
			synchronized (session) {
				if (this.consumers.containsKey(carrier)) {
					return;
				}
				try {
					String queue = queueName(carrier);
					session.createQueue(QueueConfiguration.of(queue)
						.setAddress(carrier)
						.setRoutingType(RoutingType.MULTICAST)
						.setDurable(false)
						.setTemporary(true));
					ClientConsumer consumer = session.createConsumer(queue);
					consumer.setMessageHandler((message) -> dispatch(carrier, message));
					this.consumers.put(carrier, consumer);
				}
				catch (ActiveMQException ex) {
					failed(this, ex.getMessage());
				}
			}
		}

		void unbind(String carrier) {
			ClientSession session = sessionFor(carrier);
			synchronized (session) {
				ClientConsumer consumer = this.consumers.remove(carrier);
				if (consumer == null) {
					return;
				}
				try {
					consumer.close();
					session.deleteQueue(queueName(carrier));
				}
				catch (ActiveMQException ex) {
					logger.debug("Could not unbind {}: {}", carrier, ex.getMessage());
				}
			}
		}

		private void dispatch(String carrier, ClientMessage message) {
			Receiver target = BrokerLink.this.receiver;
			if (target == null) {
				return;
			}
			String address = message.containsProperty(ADDRESS) ? message.getStringProperty(ADDRESS) : carrier;
			byte[] body = new byte[message.getBodyBuffer().readableBytes()];
			message.getBodyBuffer().readBytes(body);
			Long seq = message.getLongProperty(SEQ);
			Long publishedAt = message.getLongProperty(PUBLISHED_AT);
			target.receive(address, (seq != null) ? seq : 0, (publishedAt != null) ? publishedAt : 0, body);
		}

		private ClientSession sessionFor(String carrier) {
			return this.consumerSessions[Math.floorMod(carrier.hashCode(), this.consumerSessions.length)];
		}

		private String queueName(String carrier) {
			return "switchboard.node-" + BrokerLink.this.nodeId + "." + carrier;
		}

		@Override
		public void connectionFailed(ActiveMQException exception, boolean failedOver) {
			failed(this, exception.getMessage());
		}

		@Override
		public void connectionFailed(ActiveMQException exception, boolean failedOver, String scaleDownTargetNodeID) {
			connectionFailed(exception, failedOver);
		}

		@Override
		public void beforeReconnect(ActiveMQException exception) {
		}

		void close() {
			for (ClientSessionFactory factory : this.factories) {
				if (factory != null) {
					factory.close();
				}
			}
			this.locator.close();
		}

	}

}
