package io.switchboard.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.stereotype.Component;

/**
 * Tracks whether the relay's connection to the broker is up, logs each change and reports
 * it as the {@code brokerRelay} health component. The relay reconnects on its own; this
 * only tells.
 */
@Component("brokerRelay")
class BrokerRelayHealth implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(BrokerRelayHealth.class);

	private final BrokerConnection connection;

	private volatile boolean available;

	BrokerRelayHealth(BrokerConnection connection) {
		this.connection = connection;
	}

	@EventListener
	void onAvailability(BrokerAvailabilityEvent event) {
		if (!(event.getSource() instanceof StompBrokerRelayMessageHandler)) {
			return;
		}
		this.available = event.isBrokerAvailable();
		if (this.available) {
			logger.info("Broker relay connected to {}:{}", this.connection.host(), this.connection.port());
		}
		else {
			logger.warn("Broker relay lost the broker at {}:{}; reconnecting", this.connection.host(),
					this.connection.port());
		}
	}

	@Override
	public Health health() {
		Health.Builder health = this.available ? Health.up() : Health.down();
		return health.withDetail("broker", this.connection.host() + ":" + this.connection.port()).build();
	}

}
