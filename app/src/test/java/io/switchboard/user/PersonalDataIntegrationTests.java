package io.switchboard.user;

import java.time.Duration;
import java.util.Map;

import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A user's export holds what is theirs and nothing of anyone else's; erasure removes what
 * identifies them and keeps their messages under an erased sender.
 */
@ServerTest
class PersonalDataIntegrationTests {

	@Autowired
	TestClients clients;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theExportHoldsMyProfileMembershipsMessagesAndNotificationsAndNothingOfOthers() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "mine one"));
			aliceClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "mine two"));
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "@" + alice.username() + " bob's"));
		}
		ResponseEntity<JsonNode> response = this.clients.rest(alice)
			.get()
			.uri("/api/me/export")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
		JsonNode export = response.getBody();
		assertThat(export.at("/profile/id").asLong()).isEqualTo(alice.id());
		assertThat(export.get("memberships")).extracting((membership) -> membership.get("channelId").asLong())
			.containsExactly(channelId);
		assertThat(export.get("messages")).extracting((message) -> message.get("content").asString())
			.containsExactly("mine one", "mine two");
		assertThat(export.get("notifications")).singleElement()
			.satisfies((notification) -> assertThat(notification.get("body").asString()).contains("bob's"));
		JsonNode bobs = this.clients.rest(bob).get().uri("/api/me/export").retrieve().body(JsonNode.class);
		assertThat(bobs.get("messages")).extracting((message) -> message.get("content").asString())
			.containsExactly("@" + alice.username() + " bob's");
		assertThat(bobs.get("notifications")).isEmpty();
	}

	@Test
	void erasingMyAccountEndsMySessionsFreesMyNameAndLeavesMyMessagesUnderAnErasedSender() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(bob, "private", alice);
		StompClient listening = this.clients.connect(alice);
		listening.sendAndAwaitReceipt(send(channelId), Map.of("content", "before I go"));
		try (StompClient bobClient = this.clients.connect(bob)) {
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "@" + alice.username() + " bye"));
		}
		assertThat(this.jdbc.queryForObject("select count(*) from notifications where user_id = ?", Long.class,
				alice.id()))
			.isEqualTo(1);

		assertThat(
				this.clients.rest(alice).delete().uri("/api/me").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(204);
		await().atMost(Duration.ofSeconds(5)).until(() -> !listening.isConnected());
		assertThat(this.jdbc.queryForObject("select count(*) from notifications where user_id = ?", Long.class,
				alice.id()))
			.as("bob's mention of her is gone")
			.isZero();
		assertThat(status(this.clients.rest(alice).get().uri("/api/me"))).isEqualTo(401);
		assertThat(status(this.clients.signIn(alice.username(), TestClients.PASSWORD))).isEqualTo(401);

		JsonNode erased = this.clients.rest(admin)
			.get()
			.uri("/api/admin/users/{id}", alice.id())
			.retrieve()
			.body(JsonNode.class);
		assertThat(erased.get("username").asString()).isEqualTo("deleted-" + alice.id());
		assertThat(erased.get("displayName").asString()).isEqualTo("Deleted user");
		assertThat(erased.get("disabled").asBoolean()).isTrue();
		JsonNode history = this.clients.messages(bob, channelId, "sinceSeq=0");
		assertThat(history.get("messages"))
			.filteredOn((message) -> message.get("content").asString().equals("before I go"))
			.singleElement()
			.satisfies((message) -> {
				assertThat(message.at("/sender/id").asLong()).isEqualTo(alice.id());
				assertThat(message.at("/sender/username").asString()).isEqualTo("deleted-" + alice.id());
				assertThat(message.at("/sender/displayName").asString()).isEqualTo("Deleted user");
			});

		JsonNode reused = this.clients.rest(admin)
			.post()
			.uri("/api/admin/users")
			.body(Map.of("username", alice.username(), "password", "a new owner's password"))
			.retrieve()
			.body(JsonNode.class);
		assertThat(reused.get("id").asLong()).isNotEqualTo(alice.id());
		assertThat(status(this.clients.rest(alice).get().uri("/api/me"))).as("the old token names the old id")
			.isEqualTo(401);
	}

	@Test
	void adminsEraseOthersAndTheErasedNamePrefixIsReserved() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser member = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		assertThat(status(this.clients.rest(member).delete().uri("/api/admin/users/{id}", carol.id()))).isEqualTo(403);
		assertThat(status(this.clients.rest(admin).delete().uri("/api/admin/users/{id}", carol.id()))).isEqualTo(204);
		assertThat(status(this.clients.rest(carol).get().uri("/api/me"))).isEqualTo(401);
		assertThat(status(this.clients.rest(admin)
			.patch()
			.uri("/api/admin/users/{id}", carol.id())
			.body(Map.of("disabled", false)))).as("an erased account stays erased").isEqualTo(409);
		assertThat(status(this.clients.rest(admin)
			.post()
			.uri("/api/admin/users/{id}/password", carol.id())
			.body(Map.of("password", "long enough password")))).isEqualTo(409);
		assertThat(status(this.clients.rest(admin)
			.post()
			.uri("/api/admin/users")
			.body(Map.of("username", "deleted-" + Long.MAX_VALUE, "password", "long enough password")))).isEqualTo(400);
	}

	private static String send(long channelId) {
		return "/app/channel." + channelId + ".send";
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode().value());
	}

}
