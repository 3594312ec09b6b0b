package io.switchboard.channel.event;

import java.time.Instant;
import java.util.List;

import io.switchboard.channel.MemberRole;
import io.switchboard.user.UserSummary;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire shape of channel events (PROTOCOL.md section 3): the record's type name comes
 * first as {@code type}, then its components.
 */
class ChannelEventJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void memberEventsCarryTheirProtocolTypeFirst() {
		MemberView alice = new MemberView(3, "alice", MemberRole.MODERATOR);
		assertThat(this.json.writeValueAsString(new MemberJoined(1, 2, alice))).isEqualTo(
				"{\"type\":\"member.joined\",\"channelId\":1,\"seq\":2,\"member\":{\"userId\":3,\"username\":\"alice\",\"role\":\"moderator\"}}");
		assertThat(this.json.writeValueAsString(new MemberLeft(1, 5, alice, MemberLeft.KICKED)))
			.startsWith("{\"type\":\"member.left\",\"channelId\":1,\"seq\":5,")
			.endsWith(",\"reason\":\"kicked\"}");
	}

	@Test
	void aMessageEventTakesItsChannelAndSeqFromTheMessage() {
		MessageView message = new MessageView(9, 1, 7, 7, new UserSummary(3, "alice", "Alice", null), "hello", null, 0,
				List.of(), List.of(), List.of(), Instant.EPOCH, null, false, "c-1");
		MessageCreated created = new MessageCreated(message);
		assertThat(created.channelId()).isEqualTo(1);
		assertThat(created.seq()).isEqualTo(7);
		assertThat(this.json.writeValueAsString(created))
			.startsWith("{\"type\":\"message.created\",\"channelId\":1,\"seq\":7,\"message\":{\"id\":9,");
	}

}
