package io.switchboard.channel;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone made a member of a channel hears of it on {@code /user/queue/channels}, in
 * every session, whoever made them one.
 */
@ServerTest
class ChannelAddedIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void addedToAPrivateChannelOrAConversationOrJoiningOneIsToldInEverySession() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		try (StompClient bobsTab = this.clients.connect(bob);
				StompClient bobsOtherTab = this.clients.connect(bob);
				StompClient carols = this.clients.connect(carol)) {
			Inbox bobsChannels = bobsTab.subscribe("/user/queue/channels");
			Inbox bobsOtherChannels = bobsOtherTab.subscribe("/user/queue/channels");
			Inbox carolsChannels = carols.subscribe("/user/queue/channels");
			long privateChannel = this.clients.createChannel(alice, "private", bob);
			assertAdded(bobsChannels, privateChannel);
			assertAdded(bobsOtherChannels, privateChannel);
			long direct = this.clients.direct(alice, bob);
			assertAdded(bobsChannels, direct);
			// Opened again, it is the same conversation: nobody is added, nothing is
			// said.
			assertThat(this.clients.direct(bob, alice)).isEqualTo(direct);
			long publicChannel = this.clients.createChannel(alice, "public");
			this.clients.rest(bob).post().uri("/api/channels/{id}/join", publicChannel).retrieve().toBodilessEntity();
			assertAdded(bobsChannels, publicChannel);
			// Carol was in none of them; the group conversation is her first.
			long group = this.clients.direct(alice, bob, carol);
			assertAdded(carolsChannels, group);
			assertAdded(bobsChannels, group);
		}
	}

	private static void assertAdded(Inbox inbox, long channelId) {
		JsonNode event = inbox.next();
		assertThat(event.get("type").asString()).isEqualTo("channel.added");
		assertThat(event.get("channelId").asLong()).isEqualTo(channelId);
	}

}
