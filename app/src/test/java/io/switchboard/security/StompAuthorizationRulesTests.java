package io.switchboard.security;

import java.util.Set;

import io.switchboard.channel.ChannelAccess;
import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The destination rules of PROTOCOL.md section 2 as a table, without a server: channel
 * access is a stub in which user 1 reads channel 7, which others may not, and channel 8
 * is one nobody may know of.
 */
class StompAuthorizationRulesTests {

	private final ChannelAccess channels = mock(ChannelAccess.class);

	private final AuthorizationManager<Message<?>> rules = StompAuthorizationRules.build(this.channels,
			(destination) -> destination.endsWith(".send"), (userId, workspaceId) -> workspaceId == 1);

	private final UserAuthentication member = new UserAuthentication(new CurrentUser(1, "alice", "Alice", Set.of(), 1),
			null, 0, null);

	private final UserAuthentication admin = new UserAuthentication(
			new CurrentUser(2, "root", "Root", Set.of(Role.ADMIN), 1), null, 0, null);

	StompAuthorizationRulesTests() {
		given(this.channels.readRefusal(eq(7L), any())).willReturn(RequestRefused.forbidden("not a member"));
		given(this.channels.readRefusal(7, this.member.user())).willReturn(null);
		given(this.channels.readRefusal(eq(8L), any())).willReturn(RequestRefused.notFound("no channel 8"));
	}

	@Test
	void channelTopicIsForItsReaders() {
		assertThat(decide(this.member, SimpMessageType.SUBSCRIBE, "/topic/channel.7").isGranted()).isTrue();
		AuthorizationResult refused = decide(this.member, SimpMessageType.SUBSCRIBE, "/topic/channel.8");
		assertThat(refused.isGranted()).isFalse();
		assertThat(((Refusal) refused).code()).isEqualTo(ErrorCode.NOT_FOUND);
		assertThat(((Refusal) refused).reason()).isEqualTo("no channel 8");
		AuthorizationResult forbidden = decide(this.admin, SimpMessageType.SUBSCRIBE, "/topic/channel.7");
		assertThat(((Refusal) forbidden).code()).isEqualTo(ErrorCode.FORBIDDEN);
	}

	@Test
	void ownQueuesAnnouncementsAndPresenceAreForAnyAuthenticatedUser() {
		for (String destination : new String[] { "/user/queue/notifications", "/user/queue/channels",
				"/user/queue/errors", "/topic/announcements", "/topic/presence.42" }) {
			assertThat(decide(this.member, SimpMessageType.SUBSCRIBE, destination).isGranted()).as(destination)
				.isTrue();
			assertThat(decide(null, SimpMessageType.SUBSCRIBE, destination).isGranted()).as(destination).isFalse();
		}
	}

	@Test
	void sendGoesOnlyToActionsThatExistAndMembershipIsCheckedWhereTheChangeIsStored() {
		assertThat(decide(this.member, SimpMessageType.MESSAGE, "/app/channel.7.send").isGranted()).isTrue();
		assertThat(decide(this.member, SimpMessageType.MESSAGE, "/app/channel.8.send").isGranted()).isTrue();
		assertThat(decide(null, SimpMessageType.MESSAGE, "/app/channel.7.send").isGranted()).isFalse();
		assertThat(decide(this.member, SimpMessageType.MESSAGE, "/app/channel.7.explode").isGranted()).isFalse();
		assertThat(decide(this.member, SimpMessageType.MESSAGE, "/app/channel.x.send").isGranted()).isFalse();
	}

	@Test
	void brokerInternalDestinationsAreRefusedEvenToAdmins() {
		for (String destination : new String[] { "/topic/switchboard.user-registry",
				"/topic/switchboard.unresolved-user", "/queue/notifications-user123", "/topic/channel.7.extra",
				"/user/1/queue/notifications" }) {
			assertThat(decide(this.admin, SimpMessageType.SUBSCRIBE, destination).isGranted()).as(destination)
				.isFalse();
		}
		assertThat(decide(this.admin, SimpMessageType.MESSAGE, "/topic/channel.7").isGranted()).isFalse();
	}

	private AuthorizationResult decide(UserAuthentication user, SimpMessageType type, String destination) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(type);
		headers.setDestination(destination);
		Message<byte[]> message = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
		return this.rules.authorize(() -> user, message);
	}

}
