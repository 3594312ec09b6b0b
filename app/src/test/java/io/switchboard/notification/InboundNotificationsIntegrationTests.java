package io.switchboard.notification;

import java.util.List;
import java.util.Map;

import io.switchboard.broker.EmbeddedBrokerAccess;
import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import jakarta.jms.JMSContext;
import org.apache.activemq.artemis.api.core.ActiveMQSecurityException;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.utils.UUIDGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A trading backend publishes through the broker: with its own credentials, to the
 * inbound address only; the server stores and delivers what it sends as the REST call
 * does, once per message id, and moves what it cannot publish to the dead-letter address
 * with the reason.
 */
@ServerTest
class InboundNotificationsIntegrationTests {

	private static final String INBOUND = "switchboard.inbound.notifications";

	private static final String DEAD_LETTERS = "switchboard.inbound.notifications.dead";

	@Autowired
	TestClients clients;

	@Autowired
	ApplicationContext context;

	EmbeddedBrokerAccess broker;

	ClientSession trading;

	@BeforeEach
	void connectAsTheTradingBackend() throws Exception {
		this.broker = new EmbeddedBrokerAccess(this.context);
		this.trading = this.broker.session("inbound-publisher", "inbound-test-secret");
	}

	@AfterEach
	void disconnect() throws Exception {
		this.trading.close();
		this.broker.close();
	}

	@Test
	void aPublicationSentToTheBrokerIsStoredAndDeliveredOncePerMessageId() throws Exception {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		try (StompClient aliceClient = this.clients.connect(alice);
				ClientProducer producer = this.trading.createProducer(INBOUND)) {
			Inbox live = aliceClient.subscribe("/user/queue/notifications");
			ClientMessage fill = text(this.clients.json()
				.writeValueAsString(Map.of("recipients", List.of(alice.id(), bob.id()), "kind", "trade", "title",
						"Order filled", "body", "Sold 10 ACME", "data", Map.of("orderId", "o-1"))));
			fill.setUserID(UUIDGenerator.getInstance().generateUUID());
			producer.send(fill);
			ClientMessage resent = text(fill.getBodyBuffer().copy().readNullableSimpleString().toString());
			resent.setUserID(fill.getUserID());
			producer.send(resent);
			producer.send(text(this.clients.json()
				.writeValueAsString(Map.of("workspace", "default", "recipients", List.of(alice.id()), "kind", "system",
						"title", "Barrier", "body", "after the resend"))));
			JsonNode first = live.next();
			assertThat(first.get("kind").asString()).isEqualTo("trade");
			assertThat(first.at("/data/orderId").asString()).isEqualTo("o-1");
			assertThat(live.next().get("title").asString()).as("the resent message is not published again")
				.isEqualTo("Barrier");
		}
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications")).hasSize(2);
		assertThat(this.clients.get(bob, "/api/notifications").get("notifications"))
			.extracting((notification) -> notification.get("title").asString())
			.containsExactly("Order filled");
	}

	@Test
	void aJmsClientPublishesAsTheReadmeShows() {
		TestUser alice = this.clients.newUser();
		try (StompClient aliceClient = this.clients.connect(alice);
				JMSContext jms = new ActiveMQConnectionFactory(this.broker.tcpUrl()).createContext("inbound-publisher",
						"inbound-test-secret")) {
			Inbox live = aliceClient.subscribe("/user/queue/notifications");
			jms.createProducer()
				.send(jms.createQueue(INBOUND), "{\"recipients\":[" + alice.id()
						+ "],\"kind\":\"trade\",\"title\":\"Order filled\",\"body\":\"Sold 10 ACME\"}");
			assertThat(live.next().get("body").asString()).isEqualTo("Sold 10 ACME");
		}
	}

	@Test
	void whatCannotBePublishedMovesToTheDeadLetterAddressWithTheReason() throws Exception {
		TestUser alice = this.clients.newUser();
		String mention = this.clients.json()
			.writeValueAsString(
					Map.of("recipients", List.of(alice.id()), "kind", "mention", "title", "x", "body", "y"));
		try (ClientProducer producer = this.trading.createProducer(INBOUND)) {
			producer.send(text("{not json"));
			producer.send(text(mention));
			producer.send(text(this.clients.json()
				.writeValueAsString(Map.of("workspace", "nowhere", "recipients", List.of(alice.id()), "kind", "system",
						"title", "x", "body", "y"))));
		}
		try (ClientSession node = this.broker.nodeSession();
				ClientConsumer deadLetters = node.createConsumer(DEAD_LETTERS)) {
			ClientMessage notJson = receive(deadLetters);
			assertThat(notJson.getStringProperty("reason")).startsWith("not JSON");
			assertThat(body(notJson)).isEqualTo("{not json");
			ClientMessage wrongKind = receive(deadLetters);
			assertThat(wrongKind.getStringProperty("reason")).isEqualTo("kind: must be one of trade, system");
			assertThat(body(wrongKind)).isEqualTo(mention);
			assertThat(wrongKind.getStringProperty("originalMessageId")).isNotBlank();
			assertThat(receive(deadLetters).getStringProperty("reason"))
				.isEqualTo("workspace: no workspace is named nowhere");
		}
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications")).isEmpty();
	}

	@Test
	void thePublishersCredentialsMaySendToTheInboundAddressAndNothingElse() throws Exception {
		TestUser alice = this.clients.newUser();
		try (ClientProducer elsewhere = this.trading.createProducer("switchboard.user.queue")) {
			assertThatExceptionOfType(ActiveMQSecurityException.class)
				.isThrownBy(() -> elsewhere.send(text("{\"type\":\"notification\"}")));
		}
		assertThatExceptionOfType(ActiveMQSecurityException.class)
			.isThrownBy(() -> this.trading.createConsumer(INBOUND));
		assertThatExceptionOfType(ActiveMQSecurityException.class)
			.isThrownBy(() -> this.trading.createConsumer(DEAD_LETTERS));
		assertThatExceptionOfType(ActiveMQSecurityException.class)
			.isThrownBy(() -> this.broker.session("inbound-publisher", "wrong"));
		try (ClientSession publisher = this.broker.session("inbound-publisher", "inbound-test-secret");
				ClientProducer producer = publisher.createProducer(INBOUND);
				StompClient aliceClient = this.clients.connect(alice)) {
			Inbox live = aliceClient.subscribe("/user/queue/notifications");
			producer.send(text(this.clients.json()
				.writeValueAsString(Map.of("recipients", List.of(alice.id()), "kind", "system", "title",
						"Still allowed", "body", "here"))));
			assertThat(live.next().get("title").asString()).isEqualTo("Still allowed");
		}
	}

	private ClientMessage text(String body) {
		ClientMessage message = this.trading.createMessage(Message.TEXT_TYPE, true);
		message.getBodyBuffer().writeNullableSimpleString(SimpleString.of(body));
		return message;
	}

	private static ClientMessage receive(ClientConsumer consumer) throws Exception {
		ClientMessage message = consumer.receive(10_000);
		assertThat(message).as("a dead letter within 10 s").isNotNull();
		return message;
	}

	private static String body(ClientMessage message) {
		return message.getBodyBuffer().readNullableSimpleString().toString();
	}

}
