package io.switchboard.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Sizes the buffers that Tomcat gives every socket when it opens, which are most of what
 * an idle session costs: two at the socket (read, write) and three in its WebSocket
 * (frame input, frame output, text encoding). Tomcat's own 8 KB each would be 40 KB per
 * idle session. Smaller ones cost nothing in what a client can send or receive: longer
 * messages go through in parts.
 * <p>
 * Tomcat reads the WebSocket size from a system property once, when its WebSocket support
 * starts, which is after this runs: a value set on the command line wins, and in a JVM
 * that already started Tomcat the first size stays.
 */
final class SocketBuffers implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	private static final Logger logger = LoggerFactory.getLogger(SocketBuffers.class);

	private final int size;

	SocketBuffers(DeliverySettings settings) {
		this.size = Math.toIntExact(settings.socketBufferSize().toBytes());
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addConnectorCustomizers((connector) -> {
			connector.setProperty("socket.appReadBufSize", Integer.toString(this.size));
			connector.setProperty("socket.appWriteBufSize", Integer.toString(this.size));
		});
		String configured = System.getProperty(WEBSOCKET_BUFFER_PROPERTY);
		if (configured == null) {
			System.setProperty(WEBSOCKET_BUFFER_PROPERTY, Integer.toString(this.size));
		}
		else if (!configured.equals(Integer.toString(this.size))) {
			logger.info("WebSocket buffers are {} bytes, as -D{} says", configured, WEBSOCKET_BUFFER_PROPERTY);
		}
	}

}
