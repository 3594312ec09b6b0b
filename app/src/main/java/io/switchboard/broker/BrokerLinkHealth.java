package io.switchboard.broker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports whether the node's link to the broker is up, as the {@code brokerLink} health
 * component. The link reconnects on its own and logs each change; this only tells.
 */
@Component("brokerLink")
class BrokerLinkHealth implements HealthIndicator {

	private final BrokerLink link;

	BrokerLinkHealth(BrokerLink link) {
		this.link = link;
	}

	@Override
	public Health health() {
		Health.Builder health = this.link.isUp() ? Health.up() : Health.down();
		return health.withDetail("broker", this.link.describe()).build();
	}

}
