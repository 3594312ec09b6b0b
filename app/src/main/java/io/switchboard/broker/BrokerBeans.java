package io.switchboard.broker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The broker side: where the node's link connects and, by default, the broker it connects
 * to.
 */
@Configuration(proxyBeanMethods = false)
class BrokerBeans {

	@Bean
	BrokerConnection brokerConnection(BrokerSettings settings) {
		return BrokerConnection.from(settings);
	}

	/**
	 * Started while the context is built, so that it is up before the link connects.
	 */
	@Bean(initMethod = "start", destroyMethod = "stop")
	@ConditionalOnProperty(name = "switchboard.broker.embedded", havingValue = "true", matchIfMissing = true)
	EmbeddedBroker embeddedBroker(BrokerConnection connection, InboundSettings inbound) {
		if (inbound.hasPublisher() && inbound.login().equals(connection.login())) {
			throw new IllegalStateException(
					"switchboard.broker.inbound.login must differ from the node's switchboard.broker.login");
		}
		return new EmbeddedBroker(connection, inbound);
	}

	/**
	 * Consumes the inbound address when something handles what arrives there.
	 */
	@Bean
	@ConditionalOnProperty(name = "switchboard.broker.inbound.enabled", havingValue = "true", matchIfMissing = true)
	InboundConsumer inboundConsumer(BrokerConnection connection, InboundSettings inbound,
			ObjectProvider<InboundMessageHandler> handler) {
		return new InboundConsumer(connection, inbound, handler);
	}

	@Bean
	BrokerLink nodeBrokerLink(BrokerConnection connection, BrokerSettings settings,
			ThreadPoolTaskScheduler deliveryScheduler) {
		return new BrokerLink(connection, settings, deliveryScheduler);
	}

}
