package io.switchboard.broker;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the STOMP relay connects, under {@code switchboard.broker}.
 *
 * @param embedded start an Artemis broker in this JVM (the default), or relay to an
 * external one
 * @param host the broker's STOMP host; the embedded broker listens on loopback only
 * @param port the broker's STOMP port; 0 picks a free port for the embedded broker
 * @param login the relay's broker login; random per start for the embedded broker when
 * empty
 * @param passcode the relay's broker passcode; random per start for the embedded broker
 * when empty
 * @param clientHeartbeatFloor the shortest heart-beat interval the server agrees to with
 * a client; shorter requests are raised to it
 * @param heartbeatTtlFactor the embedded broker drops a client that sent nothing for this
 * many of its heart-beat intervals
 * @param silentClientTtl how long the embedded broker keeps a client that does not
 * heart-beat at all
 * @param queueScanPeriod how often the embedded broker deletes queues nobody consumes any
 * more, such as a closed session's user queues
 * @param allowedOrigins the browser origins whose pages may open the STOMP endpoints;
 * tokens travel in the CONNECT frame, never in cookies, so any origin is safe by default
 */
@ConfigurationProperties("switchboard.broker")
record BrokerSettings(@DefaultValue("true") boolean embedded, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("0") int port, @Nullable String login, @Nullable String passcode,
		@DefaultValue("10s") Duration clientHeartbeatFloor, @DefaultValue("2.0") double heartbeatTtlFactor,
		@DefaultValue("1h") Duration silentClientTtl, @DefaultValue("5s") Duration queueScanPeriod,
		@DefaultValue("*") List<String> allowedOrigins) {

	@Override
	public String toString() {
		return "BrokerSettings[embedded=" + this.embedded + ", host=" + this.host + ", port=" + this.port + ", login="
				+ this.login + ", passcode=<hidden>]";
	}

}
