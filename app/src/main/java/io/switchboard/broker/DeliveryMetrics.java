package io.switchboard.broker;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The delivery engine's meters: sessions, subscriptions, deliveries, what waits to be
 * written, slow-consumer closes, the broker link, and how long events take from
 * publication (right after their commit) to this node's subscribers' queues.
 */
final class DeliveryMetrics {

	private final Counter deliveries;

	private final Counter slowConsumerCloses;

	private final Timer lag;

	private final MeterRegistry registry;

	DeliveryMetrics(MeterRegistry registry, ClientSessions sessions, BrokerLink link) {
		this.registry = registry;
		this.deliveries = Counter.builder("switchboard.deliveries")
			.description("frames queued for subscribers")
			.register(registry);
		this.slowConsumerCloses = Counter.builder("switchboard.slow.consumer.closes")
			.description("sessions closed because they read too slowly")
			.register(registry);
		this.lag = Timer.builder("switchboard.delivery.lag")
			.description("from an event's publication after commit to its subscribers' queues on this node")
			.publishPercentileHistogram()
			.register(registry);
		Gauge.builder("switchboard.sessions", sessions, ClientSessions::size)
			.description("open client connections on this node")
			.register(registry);
		Gauge.builder("switchboard.subscriptions", sessions, ClientSessions::subscriptionCount)
			.description("subscriptions of this node's sessions")
			.register(registry);
		Gauge.builder("switchboard.outbound.queued", sessions, ClientSessions::queuedBytes)
			.baseUnit("bytes")
			.description("bytes waiting to be written to this node's sessions")
			.register(registry);
		Gauge.builder("switchboard.broker.link.up", link, (current) -> current.isUp() ? 1 : 0)
			.description("1 while the node's link to the broker is up")
			.register(registry);
	}

	void watch(NodeSubscriptions subscriptions) {
		Gauge.builder("switchboard.destinations", subscriptions, NodeSubscriptions::destinationCount)
			.description("destinations this node subscribes on the broker")
			.register(this.registry);
	}

	void delivered(int frames) {
		this.deliveries.increment(frames);
	}

	void slowConsumerClosed() {
		this.slowConsumerCloses.increment();
	}

	void published(long publishedAtMillis) {
		if (publishedAtMillis > 0) {
			this.lag.record(Math.max(0, System.currentTimeMillis() - publishedAtMillis), TimeUnit.MILLISECONDS);
		}
	}

}
