package io.switchboard.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * History and recovery: {@code before} paging and {@code sinceSeq} paging.
 */
@ServerTest
class MessageHistoryIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void beforePagesBackNewestFirst() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (StompClient client = this.clients.connect(alice)) {
			for (int i = 1; i <= 7; i++) {
				client.sendAndAwaitReceipt(ChannelMessagingIntegrationTests.send(channelId),
						Map.of("content", "m" + i));
			}
		}
		JsonNode first = this.clients.messages(alice, channelId, "limit=3");
		assertThat(contents(first)).containsExactly("m7", "m6", "m5");
		assertThat(first.get("seq").asLong()).isEqualTo(7);
		long oldestSeq = first.get("messages").get(2).get("seq").asLong();
		JsonNode second = this.clients.messages(alice, channelId, "limit=3&before=" + oldestSeq);
		assertThat(contents(second)).containsExactly("m4", "m3", "m2");
		long olderSeq = second.get("messages").get(2).get("seq").asLong();
		JsonNode last = this.clients.messages(alice, channelId, "limit=3&before=" + olderSeq);
		assertThat(contents(last)).containsExactly("m1");
	}

	@Test
	void clientThatWasAwayRecoversEverythingItMissedWithSinceSeq() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		long lastApplied;
		try (StompClient bobClient = this.clients.connect(bob); StompClient aliceClient = this.clients.connect(alice)) {
			Inbox bobInbox = bobClient.subscribe(ChannelMessagingIntegrationTests.topic(channelId));
			aliceClient.sendAndAwaitReceipt(ChannelMessagingIntegrationTests.send(channelId),
					Map.of("content", "before you left"));
			lastApplied = bobInbox.next().get("seq").asLong();
			bobClient.close();
			for (int i = 1; i <= 5; i++) {
				aliceClient.sendAndAwaitReceipt(ChannelMessagingIntegrationTests.send(channelId),
						Map.of("content", "missed " + i));
			}
		}
		try (StompClient bobAgain = this.clients.connect(bob)) {
			Inbox live = bobAgain.subscribe(ChannelMessagingIntegrationTests.topic(channelId));
			JsonNode recovered = this.clients.messages(bob, channelId, "sinceSeq=" + lastApplied);
			assertThat(contents(recovered)).containsExactly("missed 1", "missed 2", "missed 3", "missed 4", "missed 5");
			List<Long> lastSeqs = new ArrayList<>();
			recovered.get("messages").forEach((message) -> lastSeqs.add(message.get("lastSeq").asLong()));
			assertThat(lastSeqs).isSorted().doesNotHaveDuplicates();
			long current = recovered.get("seq").asLong();
			assertThat(current).isEqualTo(lastSeqs.get(lastSeqs.size() - 1));
			try (StompClient aliceClient = this.clients.connect(alice)) {
				aliceClient.sendAndAwaitReceipt(ChannelMessagingIntegrationTests.send(channelId),
						Map.of("content", "welcome back"));
			}
			// Live events carry on from where recovery ended: no gap, no overlap.
			assertThat(live.next().get("seq").asLong()).isEqualTo(current + 1);
		}
	}

	@Test
	void recoveryComesInPagesThatEachStartAfterTheLastOnesLastSeq() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		long base = this.clients.lastSeq(alice, channelId);
		try (StompClient client = this.clients.connect(alice)) {
			for (int i = 1; i <= 7; i++) {
				client.sendAndAwaitReceipt(ChannelMessagingIntegrationTests.send(channelId),
						Map.of("content", "m" + i));
			}
		}
		List<String> recovered = new ArrayList<>();
		long after = base;
		boolean more = true;
		int pages = 0;
		while (more) {
			JsonNode page = this.clients.messages(alice, channelId, "limit=3&sinceSeq=" + after);
			recovered.addAll(contents(page));
			JsonNode messages = page.get("messages");
			after = messages.get(messages.size() - 1).get("lastSeq").asLong();
			more = page.get("hasMore").asBoolean();
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(recovered).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7");
		assertThat(this.clients.messages(alice, channelId, "sinceSeq=" + base).get("hasMore").asBoolean()).isFalse();
		assertThatExceptionOfType(HttpClientErrorException.class)
			.isThrownBy(() -> this.clients.messages(alice, channelId, "limit=1001&sinceSeq=0"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	@Test
	void historyOfPrivateChannelIsNotFoundForNonMembers() {
		TestUser alice = this.clients.newUser();
		TestUser mallory = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		assertThatExceptionOfType(HttpClientErrorException.class)
			.isThrownBy(() -> this.clients.messages(mallory, channelId, "sinceSeq=0"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
				assertThat(ex.getResponseHeaders().getContentType().toString()).isEqualTo("application/problem+json");
				assertThat(ex.getResponseBodyAsString()).contains("\"code\":\"not_found\"");
			});
	}

	@Test
	void pageLimitOverOneHundredIsABadRequest() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		assertThatExceptionOfType(HttpClientErrorException.class)
			.isThrownBy(() -> this.clients.messages(alice, channelId, "limit=101"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getResponseBodyAsString()).contains("\"code\":\"bad_request\"");
			});
	}

	private static List<String> contents(JsonNode page) {
		List<String> contents = new ArrayList<>();
		page.get("messages").forEach((message) -> contents.add(message.get("content").asString()));
		return contents;
	}

}
