package io.switchboard.broker;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The delivery engine: this node's sessions and subscriptions, fed by the broker link and
 * repaired from the event log, and the timers that look after them.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	private static final Duration SWEEP_PERIOD = Duration.ofMillis(250);

	private static final Duration REPAIR_PERIOD = Duration.ofMillis(500);

	@Bean
	ClientSessions clientSessions(ApplicationEventPublisher events) {
		return new ClientSessions(events);
	}

	@Bean
	ThreadPoolTaskScheduler deliveryScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("delivery-timer-");
		scheduler.setPoolSize(2);
		return scheduler;
	}

	/**
	 * Writes to SockJS sessions, whose transports block, and closes sockets, which can
	 * block while a close handshake waits for a slow client.
	 */
	@Bean
	ThreadPoolTaskExecutor outboundWriters() {
		return pool("outbound-", 8);
	}

	/**
	 * Reads the event log and checks access again, off the threads that deliver.
	 */
	@Bean
	ThreadPoolTaskExecutor deliveryTasks() {
		return pool("delivery-task-", 2);
	}

	@Bean
	ChannelRepair channelRepair(EventLog log, ThreadPoolTaskExecutor deliveryTasks, DeliverySettings settings) {
		return new ChannelRepair(log, deliveryTasks, settings.repairAfter().toNanos());
	}

	@Bean
	DeliveryMetrics deliveryMetrics(MeterRegistry registry, ClientSessions sessions, BrokerLink link) {
		return new DeliveryMetrics(registry, sessions, link);
	}

	@Bean
	NodeSubscriptions nodeSubscriptions(BrokerLink link, EventLog log, ChannelRepair repair, DeliverySettings settings,
			ThreadPoolTaskScheduler deliveryScheduler, DeliveryMetrics metrics) {
		NodeSubscriptions subscriptions = new NodeSubscriptions(link, log, repair, settings.maxSubscriptions(),
				metrics);
		metrics.watch(subscriptions);
		link.setReceiver(subscriptions);
		deliveryScheduler.scheduleAtFixedRate(() -> repair.sweep(subscriptions.channelStreams()), REPAIR_PERIOD);
		return subscriptions;
	}

	@Bean
	StompSessionHandler stompSessionHandler(ClientSessions sessions, NodeSubscriptions subscriptions,
			StompErrors errors, StompReceipts receipts,
			@Qualifier("clientInboundChannel") SubscribableChannel clientInboundChannel,
			@Qualifier("clientOutboundChannel") MessageChannel clientOutboundChannel, DeliverySettings settings,
			AccessRevocation revocation) {
		StompSessionHandler handler = new StompSessionHandler(sessions, subscriptions, errors, receipts,
				clientOutboundChannel, settings, revocation);
		clientInboundChannel.subscribe(handler);
		return handler;
	}

	@Bean
	AccessRevocation accessRevocation(ClientSessions sessions, NodeSubscriptions subscriptions,
			SubscriptionAccess access, SessionAccess sessionAccess, StompErrors errors, JsonMapper json,
			ThreadPoolTaskExecutor deliveryTasks) {
		AccessRevocation revocation = new AccessRevocation(sessions, subscriptions, access, sessionAccess, errors, json,
				deliveryTasks);
		subscriptions.onControl(revocation::onControl);
		return revocation;
	}

	@Bean
	SessionSweeper sessionSweeper(ClientSessions sessions, DeliverySettings settings,
			ThreadPoolTaskScheduler deliveryScheduler) {
		SessionSweeper sweeper = new SessionSweeper(sessions, settings);
		deliveryScheduler.scheduleAtFixedRate(sweeper, SWEEP_PERIOD);
		return sweeper;
	}

	private static ThreadPoolTaskExecutor pool(String prefix, int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(prefix);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		return executor;
	}

}
