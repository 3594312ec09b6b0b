package io.switchboard.broker;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The broker side: where the relay connects and, by default, the broker it connects to.
 */
@Configuration(proxyBeanMethods = false)
class BrokerBeans {

	@Bean
	BrokerConnection brokerConnection(BrokerSettings settings) {
		return BrokerConnection.from(settings);
	}

	/**
	 * Started while the context is built, so that it is up before the relay connects.
	 */
	@Bean(initMethod = "start", destroyMethod = "stop")
	@ConditionalOnProperty(name = "switchboard.broker.embedded", havingValue = "true", matchIfMissing = true)
	EmbeddedBroker embeddedBroker(BrokerConnection connection, BrokerSettings settings) {
		return new EmbeddedBroker(connection, settings);
	}

	/**
	 * The WebSocket container buffers twice the largest STOMP frame, so that a frame over
	 * the limit reaches the STOMP decoder, which answers it with an ERROR frame.
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(2 * StompBrokerConfiguration.MAX_FRAME_BYTES);
		container.setMaxBinaryMessageBufferSize(2 * StompBrokerConfiguration.MAX_FRAME_BYTES);
		return container;
	}

	/**
	 * Lets the relay heart-beat to the broker on behalf of a client whose frames all go
	 * to {@code /app}, which the relay does not forward: without it the broker sees a
	 * silent connection and drops it when its TTL runs out.
	 */
	@Bean
	ThreadPoolTaskScheduler relayHeartbeatScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("relay-heartbeat-");
		scheduler.setPoolSize(1);
		return scheduler;
	}

}
