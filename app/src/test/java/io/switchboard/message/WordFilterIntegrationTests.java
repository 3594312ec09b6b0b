package io.switchboard.message;

import java.util.Map;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.switchboard.message.MessageChangesIntegrationTests.action;
import static io.switchboard.message.MessageChangesIntegrationTests.post;
import static io.switchboard.message.MessageChangesIntegrationTests.topic;
import static org.assertj.core.api.Assertions.assertThat;

@ServerTest(properties = { "switchboard.moderation.blocked-words=heck,darn", "switchboard.moderation.action=mask" })
class WordFilterIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void blockedWordsAreMaskedInMessagesAndEdits() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			Inbox channel = client.subscribe(topic(channelId));
			long messageId = post(client, channelId, "what the heck", channel);
			client.sendAndAwaitReceipt(action(channelId, "edit"),
					Map.of("messageId", messageId, "content", "Darn, fixed it"));
			JsonNode edited = channel.next();
			assertThat(edited.at("/message/content").asString()).isEqualTo("****, fixed it");
			JsonNode history = this.clients.get(alice, "/api/messages/" + messageId + "/history");
			assertThat(history.get("versions")).extracting((version) -> version.get("content").asString())
				.containsExactly("what the ****", "****, fixed it");
		}
	}

}
