package io.switchboard.broker;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the node's delivery engine treats client sessions, under
 * {@code switchboard.delivery}.
 *
 * @param allowedOrigins the browser origins whose pages may open the STOMP endpoints;
 * tokens travel in the CONNECT frame, never in cookies, so any origin is safe by default
 * @param heartbeatFloor the shortest heart-beat interval agreed with a client, either way
 * @param heartbeatTtlFactor a session that sent nothing for this many of its heart-beat
 * intervals is closed
 * @param connectTimeout a socket that has not sent CONNECT by then is closed
 * @param maxSubscriptions the most subscriptions one session holds, user queues included
 * @param outboundBufferSize the most a session may have waiting to be written to it
 * @param outboundMaxLag the longest a frame may wait to be written to a session
 * @param repairAfter how long a node waits for a committed event to arrive from the
 * broker before it reads it from the event log instead
 * @param socketBufferSize the size of each of the five buffers Tomcat holds for every
 * open socket: the larger, the fewer pieces a long write is cut into, and the more an
 * idle session costs
 */
@ConfigurationProperties("switchboard.delivery")
record DeliverySettings(@DefaultValue("*") List<String> allowedOrigins, @DefaultValue("10s") Duration heartbeatFloor,
		@DefaultValue("2.0") double heartbeatTtlFactor, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("1000") int maxSubscriptions, @DefaultValue("1MB") DataSize outboundBufferSize,
		@DefaultValue("5s") Duration outboundMaxLag, @DefaultValue("500ms") Duration repairAfter,
		@DefaultValue("4KB") DataSize socketBufferSize) {

}
