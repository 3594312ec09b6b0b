package io.switchboard.broker;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this node's link to Apache Artemis connects, under {@code switchboard.broker}.
 *
 * @param embedded start an Artemis broker in this JVM (the default), or link to an
 * external one
 * @param host the broker's host; the embedded broker listens on loopback only
 * @param port the broker's core-protocol port (Artemis's 61616 acceptor speaks it); 0
 * picks a free port for the embedded broker
 * @param login the node's broker login; random per start for the embedded broker when
 * empty
 * @param passcode the node's broker passcode; random per start for the embedded broker
 * when empty
 * @param connections how many broker connections the node spreads its subscriptions over
 */
@ConfigurationProperties("switchboard.broker")
public record BrokerSettings(@DefaultValue("true") boolean embedded, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("0") int port, @Nullable String login, @Nullable String passcode,
		@DefaultValue("2") int connections) {

	@Override
	public String toString() {
		return "BrokerSettings[embedded=" + this.embedded + ", host=" + this.host + ", port=" + this.port + ", login="
				+ this.login + ", passcode=<hidden>, connections=" + this.connections + "]";
	}

}
