package io.switchboard.channel;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/channels/{id}/members}: whom a message in the channel can mention.
 */
@ServerTest
class ChannelMembersIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void membersAreFoundByTheStartOfTheirNameAndOnlyByThoseWhoMayReadTheChannel() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser outsider = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "private", bob);

		JsonNode all = this.clients.get(bob, "/api/channels/" + channel + "/members");
		assertThat(all.findValuesAsString("username")).containsExactlyInAnyOrder(alice.username(), bob.username());
		JsonNode found = this.clients.get(alice, "/api/channels/" + channel + "/members?query="
				+ bob.username().substring(0, bob.username().length() - 1));
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("id").asLong()).isEqualTo(bob.id());
		assertThat(found.get(0).get("role").asString()).isEqualTo("member");
		assertThat(this.clients.get(alice, "/api/channels/" + channel + "/members?query=%25")).isEmpty();

		assertThat(TestClients.status(this.clients.rest(outsider).get().uri("/api/channels/{id}/members", channel)))
			.isEqualTo(404);
	}

}
