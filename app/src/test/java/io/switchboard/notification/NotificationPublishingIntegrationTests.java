package io.switchboard.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishers' trade and system notifications: stored for every known recipient, then
 * delivered live to each of their sessions, exactly once however often a publisher
 * retries.
 */
@ServerTest
class NotificationPublishingIntegrationTests {

	@Autowired
	TestClients clients;

	@Autowired
	NotificationPublisher publisher;

	@Autowired
	NotificationRetention retention;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPublishedNotificationReachesEverySessionLiveAndTheOfflineInbox() {
		TestUser trading = this.clients.newUser(Role.PUBLISHER);
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser elsewhere = this.clients.newUserIn("publishing-elsewhere");
		try (StompClient aliceTab1 = this.clients.connect(alice); StompClient aliceTab2 = this.clients.connect(alice)) {
			Inbox first = aliceTab1.subscribe("/user/queue/notifications");
			Inbox second = aliceTab2.subscribe("/user/queue/notifications");
			ResponseEntity<JsonNode> published = publish(trading, null,
					fill(List.of(alice.id(), 999_999_999L, bob.id(), elsewhere.id(), alice.id())));
			assertThat(published.getStatusCode().value()).isEqualTo(201);
			assertThat(published.getBody().get("stored").asInt()).isEqualTo(2);
			assertThat(published.getBody().get("unknownRecipients")).extracting(JsonNode::asLong)
				.containsExactly(999_999_999L, elsewhere.id());
			for (Inbox tab : List.of(first, second)) {
				JsonNode notification = tab.next();
				assertThat(notification.get("kind").asString()).isEqualTo("trade");
				assertThat(notification.get("title").asString()).isEqualTo("Order filled");
				assertThat(notification.at("/data/symbol").asString()).isEqualTo("ACME");
				assertThat(notification.at("/data/quantity").asInt()).isEqualTo(100);
			}
		}
		JsonNode bobsInbox = this.clients.get(bob, "/api/notifications?unreadOnly=true");
		assertThat(bobsInbox.get("unreadCount").asLong()).isEqualTo(1);
		assertThat(bobsInbox.at("/notifications/0/kind").asString()).isEqualTo("trade");
		assertThat(bobsInbox.at("/notifications/0/data/price").asString()).isEqualTo("12.50");
		assertThat(this.clients.get(elsewhere, "/api/notifications").get("notifications")).isEmpty();
	}

	@Test
	void aRetryWithTheSameKeyGetsTheFirstAnswerAndStoresNothing() {
		TestUser trading = this.clients.newUser(Role.PUBLISHER);
		TestUser alice = this.clients.newUser();
		try (StompClient aliceClient = this.clients.connect(alice)) {
			Inbox live = aliceClient.subscribe("/user/queue/notifications");
			Map<String, Object> fill = fill(List.of(alice.id(), 999_999_998L));
			ResponseEntity<JsonNode> first = publish(trading, "fill-1", fill);
			ResponseEntity<JsonNode> retry = publish(trading, "fill-1", fill);
			assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
			assertThat(retry.getStatusCode().value()).isEqualTo(201);
			assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
			assertThat(retry.getBody()).isEqualTo(first.getBody());
			Map<String, Object> notice = notice(List.of(alice.id()));
			publish(trading, "notice-1", notice);
			assertThat(live.next().get("kind").asString()).isEqualTo("trade");
			assertThat(live.next().get("kind").asString()).as("the retry is not delivered again").isEqualTo("system");
		}
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications")).hasSize(2);
		TestUser otherPublisher = this.clients.newUser(Role.ADMIN);
		assertThat(publish(otherPublisher, "fill-1", fill(List.of(alice.id()))).getHeaders()
			.getFirst("Idempotent-Replayed")).as("keys are each publisher's own").isEqualTo("false");
	}

	@Test
	void retriesSentAtOnceStoreOnce() {
		TestUser trading = this.clients.newUser(Role.PUBLISHER);
		TestUser alice = this.clients.newUser();
		Map<String, Object> fill = fill(List.of(alice.id()));
		List<CompletableFuture<ResponseEntity<JsonNode>>> retries = IntStream.range(0, 4)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> publish(trading, "at-once", fill)))
			.toList();
		assertThat(retries.stream().map(CompletableFuture::join))
			.extracting((response) -> response.getHeaders().getFirst("Idempotent-Replayed"))
			.containsExactlyInAnyOrder("false", "true", "true", "true");
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications")).hasSize(1);
	}

	@Test
	void theSameKeyWithADifferentRequestIsAConflict() {
		TestUser trading = this.clients.newUser(Role.PUBLISHER);
		TestUser alice = this.clients.newUser();
		publish(trading, "order-7", fill(List.of(alice.id())));
		Map<String, Object> changed = fill(List.of(alice.id()));
		changed.put("title", "Order partly filled");
		JsonNode problem = this.clients.rest(trading)
			.post()
			.uri("/api/notifications")
			.header("Idempotency-Key", "order-7")
			.body(changed)
			.exchange((request, response) -> {
				assertThat(response.getStatusCode().value()).isEqualTo(409);
				return response.bodyTo(JsonNode.class);
			});
		assertThat(problem.get("code").asString()).isEqualTo("conflict");
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications")).hasSize(1);
	}

	@Test
	void onlyPublishersAndAdminsPublish() {
		TestUser alice = this.clients.newUser();
		for (TestUser refused : List.of(this.clients.newUser(), this.clients.newUser(Role.MODERATOR))) {
			assertThat(TestClients
				.status(this.clients.rest(refused).post().uri("/api/notifications").body(notice(List.of(alice.id())))))
				.isEqualTo(403);
		}
		assertThat(TestClients.status(this.clients.rest(this.clients.newUser(Role.ADMIN))
			.post()
			.uri("/api/notifications")
			.body(notice(List.of(alice.id()))))).isEqualTo(201);
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications")).hasSize(1);
	}

	@Test
	void anInvalidPublicationIsABadRequestThatNamesTheFieldAndStoresNothing() {
		TestUser trading = this.clients.newUser(Role.PUBLISHER);
		TestUser alice = this.clients.newUser();
		Map<String, Object> mention = notice(List.of(alice.id()));
		mention.put("kind", "mention");
		Map<String, Object> blankTitle = notice(List.of(alice.id()));
		blankTitle.put("title", "  ");
		Map<String, Object> bigData = notice(List.of(alice.id()));
		bigData.put("data", Map.of("blob", "x".repeat(NotificationPublisher.MAX_DATA_BYTES)));
		Map<String, Object> tooMany = notice(
				LongStream.rangeClosed(1, NotificationPublisher.MAX_RECIPIENTS + 1).boxed().toList());
		Map<String, Object> none = notice(List.of());
		Map<String, Object> notAnObject = notice(List.of(alice.id()));
		notAnObject.put("data", List.of(1, 2));
		assertThat(badRequest(trading, null, mention)).startsWith("kind:");
		assertThat(badRequest(trading, null, blankTitle)).startsWith("title:");
		assertThat(badRequest(trading, null, bigData)).startsWith("data:");
		assertThat(badRequest(trading, null, tooMany)).startsWith("recipients:");
		assertThat(badRequest(trading, null, none)).startsWith("recipients:");
		assertThat(badRequest(trading, "has space", notice(List.of(alice.id())))).startsWith("Idempotency-Key:");
		assertThat(TestClients.status(this.clients.rest(trading).post().uri("/api/notifications").body(notAnObject)))
			.isEqualTo(400);
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications")).isEmpty();
	}

	@Test
	void aPublisherInThisJvmPublishesLikeTheRestCall() {
		TestUser alice = this.clients.newUser();
		try (StompClient aliceClient = this.clients.connect(alice)) {
			Inbox live = aliceClient.subscribe("/user/queue/notifications");
			Publisher risk = new Publisher(alice.user().workspaceId(), "risk-engine");
			Publication marginCall = new Publication(List.of(alice.id()), NotificationKind.TRADE, "Margin call",
					"Add funds by 16:00", Map.of("account", "A-17"));
			PublicationResult result = this.publisher.publish(risk, marginCall, "call-1");
			assertThat(result.stored()).isEqualTo(1);
			assertThat(this.publisher.publish(risk, marginCall, "call-1").replayed()).isTrue();
			JsonNode delivered = live.next();
			assertThat(delivered.get("title").asString()).isEqualTo("Margin call");
			assertThat(delivered.at("/data/account").asString()).isEqualTo("A-17");
		}
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications")).hasSize(1);
	}

	@Test
	void aKindSwitchedOffIsStoredButNotDeliveredLive() {
		TestUser trading = this.clients.newUser(Role.PUBLISHER);
		TestUser alice = this.clients.newUser();
		this.clients.rest(alice)
			.put()
			.uri("/api/me/notification-preferences")
			.body(Map.of("system", false))
			.retrieve()
			.toBodilessEntity();
		try (StompClient aliceClient = this.clients.connect(alice)) {
			Inbox live = aliceClient.subscribe("/user/queue/notifications");
			publish(trading, null, notice(List.of(alice.id())));
			publish(trading, null, fill(List.of(alice.id())));
			assertThat(live.next().get("kind").asString()).isEqualTo("trade");
		}
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications"))
			.extracting((notification) -> notification.get("kind").asString())
			.containsExactly("trade", "system");
	}

	@Test
	void notificationsOlderThanTheRetentionArePurgedInBatches() {
		TestUser trading = this.clients.newUser(Role.PUBLISHER);
		TestUser alice = this.clients.newUser();
		for (int i = 0; i < 3; i++) {
			publish(trading, null, notice(List.of(alice.id())));
		}
		List<Long> ids = new ArrayList<>();
		this.clients.get(alice, "/api/notifications")
			.get("notifications")
			.forEach((notification) -> ids.add(notification.get("id").asLong()));
		Timestamp old = Timestamp.from(Instant.now().minus(Duration.ofDays(91)));
		this.jdbc.update("update notifications set created_at = ? where id in (?, ?)", old, ids.get(1), ids.get(2));
		assertThat(this.retention.purge()).isGreaterThanOrEqualTo(2);
		assertThat(this.clients.get(alice, "/api/notifications").get("notifications"))
			.extracting((notification) -> notification.get("id").asLong())
			.containsExactly(ids.get(0));
	}

	private ResponseEntity<JsonNode> publish(TestUser publisher, String idempotencyKey, Map<String, Object> body) {
		RestClient.RequestBodySpec request = this.clients.rest(publisher).post().uri("/api/notifications");
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return request.body(body).retrieve().toEntity(JsonNode.class);
	}

	private String badRequest(TestUser publisher, String idempotencyKey, Map<String, Object> body) {
		RestClient.RequestBodySpec request = this.clients.rest(publisher).post().uri("/api/notifications");
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return request.body(body).exchange((sent, response) -> {
			assertThat(response.getStatusCode().value()).isEqualTo(400);
			JsonNode problem = response.bodyTo(JsonNode.class);
			assertThat(problem.get("code").asString()).isEqualTo("bad_request");
			return problem.get("detail").asString();
		});
	}

	private static Map<String, Object> fill(List<Long> recipients) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recipients", recipients);
		body.put("kind", "trade");
		body.put("title", "Order filled");
		body.put("body", "Bought 100 ACME at 12.50");
		body.put("data", Map.of("symbol", "ACME", "quantity", 100, "price", "12.50"));
		return body;
	}

	private static Map<String, Object> notice(List<Long> recipients) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recipients", recipients);
		body.put("kind", "system");
		body.put("title", "Maintenance tonight");
		body.put("body", "Trading pauses 22:00 to 22:15 UTC");
		return body;
	}

}
