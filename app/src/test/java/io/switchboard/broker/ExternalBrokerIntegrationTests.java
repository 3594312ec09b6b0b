package io.switchboard.broker;

import java.util.List;
import java.util.Map;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With {@code switchboard.broker.embedded=false} no broker starts in the server and the
 * node links to the configured one. The "external" broker is an Artemis the test starts
 * on loopback with credentials of its own.
 */
@ServerTest
@DirtiesContext
class ExternalBrokerIntegrationTests {

	private static ExternalTestBroker external;

	@Autowired
	TestClients clients;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void externalBroker(DynamicPropertyRegistry registry) throws Exception {
		external = ExternalTestBroker.start("outside");
		external.register(registry);
	}

	@AfterAll
	static void stopExternalBroker() throws Exception {
		external.stop();
	}

	@Test
	void nodeLinksToTheConfiguredBrokerAndNoneStartsInTheServer() {
		assertThat(this.context.getBeanProvider(EmbeddedBroker.class).getIfAvailable()).isNull();
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			client.subscribe("/user/queue/notifications");
			String carrier = new Destination.UserQueue(alice.id(), Destination.UserQueue.NOTIFICATIONS).route()
				.carrier();
			assertThat(external.queueNames()).anyMatch((name) -> name.endsWith(carrier));
			Inbox channel = client.subscribe("/topic/channel." + channelId);
			client.sendAndAwaitReceipt("/app/channel." + channelId + ".send", Map.of("content", "via the cluster"));
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("via the cluster");
			assertThat(external.queueNames()).anyMatch((name) -> name.endsWith("channel." + channelId));
		}
	}

	@Test
	void publishersSendThroughTheExternalBrokerWithTheirOwnCredentialsAndNothingMore() throws Exception {
		TestUser alice = this.clients.newUser();
		try (ServerLocator locator = ActiveMQClient.createServerLocator(external.tcpUrl())
			.setBlockOnDurableSend(true)
			.setBlockOnNonDurableSend(true);
				ClientSessionFactory factory = locator.createSessionFactory();
				ClientSession trading = factory.createSession(ExternalTestBroker.PUBLISHER,
						ExternalTestBroker.PUBLISHER_PASSCODE, false, true, true, false, 0);
				StompClient client = this.clients.connect(alice)) {
			Inbox notifications = client.subscribe("/user/queue/notifications");
			assertThatExceptionOfType(ActiveMQSecurityException.class)
				.isThrownBy(() -> trading.createConsumer("switchboard.inbound.notifications"));
			try (ClientProducer producer = trading.createProducer("switchboard.inbound.notifications")) {
				ClientMessage message = trading.createMessage(Message.TEXT_TYPE, true);
				message.getBodyBuffer()
					.writeNullableSimpleString(SimpleString.of(this.clients.json()
						.writeValueAsString(Map.of("recipients", List.of(alice.id()), "kind", "trade", "title",
								"Order filled", "body", "via the external broker"))));
				producer.send(message);
			}
			assertThat(notifications.next().get("body").asString()).isEqualTo("via the external broker");
		}
	}

}
