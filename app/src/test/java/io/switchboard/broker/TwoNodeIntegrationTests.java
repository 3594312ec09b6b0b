package io.switchboard.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.SwitchboardApplication;
import io.switchboard.security.TokenIssuer;
import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestDatabase;
import io.switchboard.test.TestUser;
import io.switchboard.user.UserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaled-out deployment: two server nodes, one database, one external broker. A user
 * connected to one node sees what is sent through the other, channel events and their own
 * notifications alike.
 */
@ServerTest
@DirtiesContext
class TwoNodeIntegrationTests {

	private static ExternalTestBroker broker;

	@Autowired
	TestClients nodeA;

	@DynamicPropertySource
	static void sharedBroker(DynamicPropertyRegistry registry) throws Exception {
		broker = ExternalTestBroker.start("cluster");
		broker.register(registry);
	}

	@AfterAll
	static void stopBroker() throws Exception {
		broker.stop();
	}

	@Test
	void userOnOneNodeReceivesWhatIsSentThroughTheOther() {
		try (ConfigurableApplicationContext secondNode = startSecondNode()) {
			TestClients nodeB = new TestClients(secondNode.getBean(UserDirectory.class),
					secondNode.getBeanProvider(TokenIssuer.class), secondNode.getBean(JsonMapper.class),
					secondNode.getEnvironment());
			TestUser alice = this.nodeA.newUser();
			TestUser bob = this.nodeA.newUser();
			long channelId = this.nodeA.createChannel(alice, "private", bob);
			try (StompClient bobOnA = this.nodeA.connect(bob); StompClient aliceOnB = nodeB.connect(alice)) {
				Inbox notifications = bobOnA.subscribe("/user/queue/notifications");
				Inbox channel = bobOnA.subscribe("/topic/channel." + channelId);
				aliceOnB.sendAndAwaitReceipt("/app/channel." + channelId + ".send",
						Map.of("content", "across nodes, @" + bob.username()));
				JsonNode event = channel.next();
				assertThat(event.at("/message/content").asString()).isEqualTo("across nodes, @" + bob.username());
				JsonNode notification = notifications.next();
				assertThat(notification.get("kind").asString()).isEqualTo("mention");
				assertThat(notification.at("/data/messageId").asLong()).isEqualTo(event.at("/message/id").asLong());
			}
		}
	}

	private static ConfigurableApplicationContext startSecondNode() {
		TestDatabase database = TestDatabase.get();
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password()));
		arguments.addAll(broker.arguments());
		return new SpringApplicationBuilder(SwitchboardApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

}
