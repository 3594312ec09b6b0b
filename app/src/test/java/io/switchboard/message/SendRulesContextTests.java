package io.switchboard.message;

import java.util.Map;

import javax.sql.DataSource;

import io.switchboard.broker.FrameSession;
import io.switchboard.test.ChannelLock;
import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.switchboard.message.ChannelMessagingIntegrationTests.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt and refusal rules of a SEND (PROTOCOL.md sections 2 and 5), proved with
 * frames put straight into {@code clientInboundChannel}: no socket, but every
 * interceptor, handler and the write path are the server's own. A session's frames are
 * answered in the order they were taken, so a later frame's answer is the barrier that
 * shows an earlier one got nothing.
 */
@ServerTest
class SendRulesContextTests {

	private static final String ERRORS = "/user/queue/errors";

	@Autowired
	ApplicationContext context;

	@Autowired
	TestClients clients;

	@Autowired
	DataSource dataSource;

	@Test
	void aSendIsConfirmedOnlyOnceItsChangeIsCommitted() throws Exception {
		TestUser alice = this.clients.newUser();
		long waiting = this.clients.createChannel(alice, "private");
		long free = this.clients.createChannel(alice, "private");
		try (FrameSession session = FrameSession.connect(this.context, alice.token())) {
			try (ChannelLock lock = ChannelLock.hold(this.dataSource, waiting)) {
				session.send(send(waiting), Map.of("content", "behind a lock"), "held");
				lock.awaitWaiters(1);
				session.send(send(free), Map.of("content", "free"), "free");
				assertThat(session.nextReceipt()).as("the free channel's commit comes first").isEqualTo("free");
			}
			assertThat(session.nextReceipt()).isEqualTo("held");
		}
	}

	@Test
	void aRefusedSendGetsAnErrorThatNamesItAndNoReceipt() throws Exception {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (FrameSession session = FrameSession.connect(this.context, alice.token())) {
			session.subscribe(ERRORS);
			session.send(send(channelId), Map.of("content", "", "clientMessageId", "empty-1"), "empty");
			JsonNode error = session.nextMessage();
			assertThat(error.get("code").asString()).isEqualTo("bad_request");
			assertThat(error.get("receiptId").asString()).isEqualTo("empty");
			assertThat(error.get("clientMessageId").asString()).isEqualTo("empty-1");
			session.send(send(channelId), Map.of("content", "fine"), "fine");
			assertThat(session.nextReceipt()).as("the refused SEND got no RECEIPT before it").isEqualTo("fine");
		}
	}

	@Test
	void aNonMembersSendIsRefusedWhereItsSeqWouldBeTaken() throws Exception {
		TestUser owner = this.clients.newUser();
		TestUser mallory = this.clients.newUser();
		long channelId = this.clients.createChannel(owner, "private");
		long own = this.clients.createChannel(mallory, "private");
		long seqBefore = this.clients.lastSeq(owner, channelId);
		try (FrameSession session = FrameSession.connect(this.context, mallory.token())) {
			session.subscribe(ERRORS);
			session.send(send(channelId), Map.of("content", "let me in"), "intrude");
			JsonNode error = session.nextMessage();
			assertThat(error.get("code").asString()).isEqualTo("not_found");
			assertThat(error.get("receiptId").asString()).isEqualTo("intrude");
			session.send(send(own), Map.of("content", "mine"), "mine");
			assertThat(session.nextReceipt()).isEqualTo("mine");
		}
		assertThat(this.clients.lastSeq(owner, channelId)).as("nothing stored").isEqualTo(seqBefore);
	}

	@Test
	void aSendToAnActionNoHandlerServesIsForbidden() throws Exception {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (FrameSession session = FrameSession.connect(this.context, alice.token())) {
			session.subscribe(ERRORS);
			session.send("/app/channel." + channelId + ".explode", Map.of("content", "boom"), "boom");
			JsonNode error = session.nextMessage();
			assertThat(error.get("code").asString()).isEqualTo("forbidden");
			assertThat(error.get("receiptId").asString()).isEqualTo("boom");
			session.send(send(channelId), Map.of("content", "fine"), "fine");
			assertThat(session.nextReceipt()).isEqualTo("fine");
		}
	}

	@Test
	void aSendWithoutAReceiptHeaderIsStoredWithoutAnAnswer() throws Exception {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long seqBefore = this.clients.lastSeq(alice, channelId);
		try (FrameSession session = FrameSession.connect(this.context, alice.token())) {
			session.send(send(channelId), Map.of("content", "quiet"), null);
			session.send(send(channelId), Map.of("content", "loud"), "loud");
			assertThat(session.nextReceipt()).as("nothing answered the quiet SEND").isEqualTo("loud");
		}
		JsonNode stored = this.clients.messages(alice, channelId, "sinceSeq=" + seqBefore);
		assertThat(stored.get("messages")).extracting((message) -> message.get("content").asString())
			.containsExactly("quiet", "loud");
	}

}
