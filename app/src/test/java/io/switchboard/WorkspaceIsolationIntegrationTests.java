package io.switchboard;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing crosses workspaces: a user of one, even an ADMIN, who knows the ids of another
 * workspace's channels, users and badges gets the answers a made-up id gets, over REST
 * and STOMP, and the reverse.
 */
@ServerTest
class WorkspaceIsolationIntegrationTests {

	/** An id nobody has, of the 18 digits an id has at most (PROTOCOL.md section 2). */
	private static final long NOBODY = 999_999_999_999_999_999L;

	@Autowired
	TestClients clients;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	SimpAnnotationMethodMessageHandler messageHandlers;

	TestUser owner;

	TestUser colleague;

	long publicChannel;

	long privateChannel;

	long badge;

	TestUser intruder;

	TestUser intrudersAdmin;

	String acme;

	@BeforeEach
	void twoWorkspaces() {
		this.owner = this.clients.newUser(Role.ADMIN);
		this.colleague = this.clients.newUser();
		this.publicChannel = channel(this.owner, "public");
		this.privateChannel = this.clients.createChannel(this.owner, "private", this.colleague);
		this.badge = this.clients.rest(this.owner)
			.post()
			.uri("/api/admin/badges")
			.body(Map.of("name", "b" + System.nanoTime(), "color", "#112233", "priority", 1))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
		try (StompClient client = this.clients.connect(this.owner)) {
			client.sendAndAwaitReceipt(send(this.publicChannel), Map.of("content", "inside"));
		}
		this.acme = "acme-" + System.nanoTime();
		this.intruder = this.clients.newUserIn(this.acme);
		this.intrudersAdmin = this.clients.newUserIn(this.acme, Role.ADMIN);
	}

	@Test
	void channelsOfAnotherWorkspaceAnswerAsMissingOnes() {
		RestClient rest = this.clients.rest(this.intruder);
		for (long channelId : new long[] { this.publicChannel, this.privateChannel, NOBODY }) {
			assertThat(status(rest.get().uri("/api/channels/{id}", channelId))).as("read %d", channelId).isEqualTo(404);
			assertThat(status(rest.get().uri("/api/channels/{id}/messages?sinceSeq=0", channelId)))
				.as("history %d", channelId)
				.isEqualTo(404);
			assertThat(status(rest.post().uri("/api/channels/{id}/join", channelId))).as("join %d", channelId)
				.isEqualTo(404);
			assertThat(status(rest.post().uri("/api/channels/{id}/read", channelId).body(Map.of("seq", 1))))
				.as("read %d", channelId)
				.isEqualTo(404);
			assertThat(status(rest.get().uri("/api/channels/{id}/members", channelId))).as("members %d", channelId)
				.isEqualTo(404);
			assertThat(status(rest.get().uri("/api/channels/{id}/read-markers", channelId)))
				.as("read markers %d", channelId)
				.isEqualTo(404);
			assertThat(status(rest.put()
				.uri("/api/channels/{id}/preferences", channelId)
				.body(Map.of("notifications", "none", "muted", true)))).as("preferences %d", channelId).isEqualTo(404);
			assertThat(status(rest.post().uri("/api/channels/{id}/typing", channelId).body(Map.of("typing", true))))
				.as("typing %d", channelId)
				.isEqualTo(404);
			assertThat(
					status(this.clients.upload(this.intruder, channelId, "x.txt", MediaType.TEXT_PLAIN, new byte[1])))
				.as("upload %d", channelId)
				.isEqualTo(404);
		}
		JsonNode joinable = rest.get().uri("/api/channels/public").retrieve().body(JsonNode.class);
		assertThat(joinable).extracting((channel) -> channel.get("id").asLong()).doesNotContain(this.publicChannel);
	}

	@Test
	void overStompAnotherWorkspacesChannelIsAMissingChannel() {
		try (StompClient client = this.clients.connect(this.intruder)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.trySubscribe(topic(this.publicChannel));
			JsonNode foreign = errors.next();
			client.trySubscribe(topic(NOBODY));
			JsonNode missing = errors.next();
			assertThat(foreign.get("code").asString()).isEqualTo("not_found").isEqualTo(missing.get("code").asString());
			assertThat(foreign.get("message").asString().replace(Long.toString(this.publicChannel), "N"))
				.isEqualTo(missing.get("message").asString().replace(Long.toString(NOBODY), "N"));

			client.sendWithReceipt(send(this.publicChannel), Map.of("content", "hello?"), "foreign");
			JsonNode sendForeign = errors.next();
			client.sendWithReceipt(send(NOBODY), Map.of("content", "hello?"), "missing");
			JsonNode sendMissing = errors.next();
			assertThat(sendForeign.get("code").asString()).isEqualTo("not_found")
				.isEqualTo(sendMissing.get("code").asString());

			client.trySubscribe("/topic/presence." + this.owner.id());
			JsonNode presenceForeign = errors.next();
			client.trySubscribe("/topic/presence." + NOBODY);
			JsonNode presenceMissing = errors.next();
			assertThat(presenceForeign.get("message").asString()).isEqualTo(presenceMissing.get("message").asString());
		}
		JsonNode history = this.clients.messages(this.owner, this.publicChannel, "sinceSeq=0");
		assertThat(history.get("messages")).extracting((message) -> message.get("content").asString())
			.containsExactly("inside");
	}

	@Test
	void usersAndBadgesOfAnotherWorkspaceAreNotFoundEvenByItsAdmins() {
		RestClient admin = this.clients.rest(this.intrudersAdmin);
		JsonNode directory = this.clients.rest(this.intruder)
			.get()
			.uri("/api/users?query={query}", this.owner.username())
			.retrieve()
			.body(JsonNode.class);
		assertThat(directory).isEmpty();
		assertThat(this.clients.get(this.intruder, "/api/presence?userIds=" + this.owner.id())).isEmpty();
		assertThat(this.clients.get(this.intrudersAdmin, "/api/search?q=inside").get("results")).isEmpty();
		assertThat(status(
				this.clients.rest(this.intruder).get().uri("/api/search?q=inside&channelId={id}", this.publicChannel)))
			.isEqualTo(404);
		assertThat(status(this.clients.rest(this.intruder).post().uri("/api/users/{id}/block", this.owner.id())))
			.isEqualTo(404);
		assertThat(status(this.clients.rest(this.intruder).delete().uri("/api/users/{id}/block", this.owner.id())))
			.isEqualTo(404);
		assertThat(status(admin.get().uri("/api/admin/users/{id}", this.owner.id()))).isEqualTo(404);
		assertThat(status(admin.patch().uri("/api/admin/users/{id}", this.owner.id()).body(Map.of("disabled", true))))
			.isEqualTo(404);
		assertThat(status(admin.post()
			.uri("/api/admin/users/{id}/password", this.owner.id())
			.body(Map.of("password", "taken over at last")))).isEqualTo(404);
		assertThat(status(admin.delete().uri("/api/admin/users/{id}", this.owner.id()))).isEqualTo(404);
		assertThat(admin.get()
			.uri("/api/admin/users?query={query}", this.owner.username())
			.retrieve()
			.body(JsonNode.class)
			.get("users")).isEmpty();
		assertThat(status(
				admin.put().uri("/api/admin/users/{id}/badges", this.owner.id()).body(Map.of("badgeIds", List.of()))))
			.isEqualTo(404);
		assertThat(status(admin.put()
			.uri("/api/admin/users/{id}/badges", this.intruder.id())
			.body(Map.of("badgeIds", List.of(this.badge))))).isEqualTo(400);
		assertThat(admin.get().uri("/api/badges").retrieve().body(JsonNode.class))
			.extracting((badge) -> badge.get("id").asLong())
			.doesNotContain(this.badge);
		assertThat(status(this.clients.rest(this.intruder)
			.post()
			.uri("/api/direct")
			.body(Map.of("userIds", List.of(this.owner.id()))))).isEqualTo(404);
		JsonNode ownerMe = this.clients.rest(this.owner).get().uri("/api/me").retrieve().body(JsonNode.class);
		assertThat(ownerMe.at("/workspace/name").asString()).isEqualTo("default");
		JsonNode intruderMe = this.clients.rest(this.intruder).get().uri("/api/me").retrieve().body(JsonNode.class);
		assertThat(intruderMe.at("/workspace/name").asString()).isEqualTo(this.acme);
	}

	@Test
	void theReverseHoldsAndEachWorkspaceWorksWithinItself() {
		long acmeChannel = channel(this.intrudersAdmin, "public");
		RestClient owner = this.clients.rest(this.owner);
		assertThat(status(owner.get().uri("/api/channels/{id}", acmeChannel))).isEqualTo(404);
		assertThat(status(owner.post().uri("/api/channels/{id}/join", acmeChannel))).isEqualTo(404);
		assertThat(status(this.clients.rest(this.intrudersAdmin)
			.post()
			.uri("/api/channels/{id}/members", acmeChannel)
			.body(Map.of("userId", this.colleague.id())))).as("adding someone of another workspace").isEqualTo(404);
		assertThat(
				owner.get().uri("/api/users?query={query}", this.intruder.username()).retrieve().body(JsonNode.class))
			.isEmpty();

		assertThat(status(this.clients.rest(this.intruder).post().uri("/api/channels/{id}/join", acmeChannel)))
			.isEqualTo(200);
		try (StompClient client = this.clients.connect(this.intruder)) {
			Inbox channel = client.subscribe(topic(acmeChannel));
			client.sendAndAwaitReceipt(send(acmeChannel), Map.of("content", "within acme"));
			assertThat(channel.next().at("/message/content").asString()).isEqualTo("within acme");
		}
	}

	@Test
	void messagesOfAnotherWorkspaceAreNotFoundEvenByItsAdmins() {
		long messageId = this.clients.messages(this.owner, this.publicChannel, "sinceSeq=0")
			.at("/messages/0/id")
			.asLong();
		long attachmentId = this.clients
			.uploaded(this.owner, this.publicChannel, "inside.png", MediaType.IMAGE_PNG, new byte[1])
			.get("id")
			.asLong();
		try (StompClient client = this.clients.connect(this.owner)) {
			client.sendAndAwaitReceipt(send(this.publicChannel),
					Map.of("content", "with a file", "attachments", List.of(attachmentId)));
		}
		long acmeChannel = channel(this.intrudersAdmin, "public");
		for (TestUser stranger : List.of(this.intruder, this.intrudersAdmin)) {
			RestClient rest = this.clients.rest(stranger);
			assertThat(status(rest.get().uri("/api/attachments/{id}", attachmentId))).isEqualTo(404);
			assertThat(status(rest.get().uri("/api/messages/{id}", messageId))).isEqualTo(404);
			assertThat(status(rest.get().uri("/api/messages/{id}/replies", messageId))).isEqualTo(404);
			assertThat(status(rest.get().uri("/api/messages/{id}/history", messageId))).isEqualTo(404);
			assertThat(status(rest.patch().uri("/api/messages/{id}", messageId).body(Map.of("content", "x"))))
				.isEqualTo(404);
			assertThat(status(rest.delete().uri("/api/messages/{id}", messageId))).isEqualTo(404);
			assertThat(status(rest.post()
				.uri("/api/messages/{id}/reactions", messageId)
				.body(Map.of("emoji", "👍", "add", true)))).isEqualTo(404);
			assertThat(status(
					rest.post().uri("/api/channels/{id}/messages", this.publicChannel).body(Map.of("content", "x"))))
				.isEqualTo(404);
		}
		try (StompClient client = this.clients.connect(this.intrudersAdmin)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.send("/app/channel." + this.publicChannel + ".edit", Map.of("messageId", messageId, "content", "x"));
			client.send("/app/channel." + this.publicChannel + ".delete", Map.of("messageId", messageId));
			client.send("/app/channel." + this.publicChannel + ".react",
					Map.of("messageId", messageId, "emoji", "👍", "add", true));
			client.send("/app/channel." + this.publicChannel + ".read", Map.of("seq", 1));
			client.send("/app/channel." + this.publicChannel + ".typing", Map.of("typing", true));
			// Another workspace's upload is one that does not exist, even in one's own
			// channel.
			client.send(send(acmeChannel), Map.of("content", "mine?", "attachments", List.of(attachmentId)));
			assertThat(errors.next(6)).extracting((error) -> error.get("code").asString()).containsOnly("not_found");
		}
		JsonNode message = this.clients.get(this.owner, "/api/messages/" + messageId);
		assertThat(message.get("content").asString()).isEqualTo("inside");
		assertThat(message.get("reactions")).isEmpty();
	}

	@Test
	void moderationCrossesNoWorkspace() {
		RestClient foreignAdmin = this.clients.rest(this.intrudersAdmin);
		long colleague = this.colleague.id();
		for (long channelId : new long[] { this.publicChannel, this.privateChannel }) {
			assertThat(status(foreignAdmin.patch()
				.uri("/api/channels/{id}/members/{user}", channelId, colleague)
				.body(Map.of("role", "admin")))).isEqualTo(404);
			assertThat(status(foreignAdmin.delete().uri("/api/channels/{id}/members/{user}", channelId, colleague)))
				.isEqualTo(404);
			for (String sanction : List.of("mutes", "bans")) {
				assertThat(status(foreignAdmin.post()
					.uri("/api/channels/{id}/" + sanction, channelId)
					.body(Map.of("userId", colleague)))).isEqualTo(404);
				assertThat(status(foreignAdmin.get().uri("/api/channels/{id}/" + sanction, channelId))).isEqualTo(404);
				assertThat(status(
						foreignAdmin.delete().uri("/api/channels/{id}/" + sanction + "/{user}", channelId, colleague)))
					.isEqualTo(404);
			}
			assertThat(status(foreignAdmin.post().uri("/api/channels/{id}/close", channelId))).isEqualTo(404);
			assertThat(status(foreignAdmin.get().uri("/api/channels/{id}/audit", channelId))).isEqualTo(404);
		}
		// Nor does a user of another workspace become the target of one's own moderation.
		assertThat(status(this.clients.rest(this.owner)
			.post()
			.uri("/api/channels/{id}/bans", this.publicChannel)
			.body(Map.of("userId", this.intruder.id())))).isEqualTo(404);
		this.clients.rest(this.owner)
			.post()
			.uri("/api/channels/{id}/mutes", this.privateChannel)
			.body(Map.of("userId", colleague))
			.retrieve()
			.toBodilessEntity();
		long support = channel(this.colleague, "support");
		assertThat(foreignAdmin.get().uri("/api/audit?limit=100").retrieve().body(JsonNode.class))
			.extracting((entry) -> entry.get("channelId").asLong())
			.doesNotContain(this.privateChannel);
		assertThat(foreignAdmin.get().uri("/api/support").retrieve().body(JsonNode.class))
			.extracting((channel) -> channel.get("id").asLong())
			.doesNotContain(support);
		assertThat(status(foreignAdmin.post().uri("/api/channels/{id}/join", support))).isEqualTo(404);
	}

	@Test
	void announcementsStayInTheirWorkspace() {
		long announcement = this.clients.rest(this.owner)
			.post()
			.uri("/api/announcements")
			.body(Map.of("title", "inside", "body", "only here", "severity", "info"))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
		assertThat(this.clients.get(this.intrudersAdmin, "/api/announcements?after=" + (announcement - 1)))
			.extracting((found) -> found.get("id").asLong())
			.doesNotContain(announcement);
		assertThat(this.clients.get(this.colleague, "/api/announcements?after=" + (announcement - 1)))
			.extracting((found) -> found.get("id").asLong())
			.contains(announcement);
	}

	@Test
	void aPublisherReachesItsOwnWorkspaceOnly() {
		JsonNode published = this.clients.rest(this.intrudersAdmin)
			.post()
			.uri("/api/notifications")
			.body(Map.of("recipients", List.of(this.colleague.id(), this.intruder.id()), "kind", "system", "title",
					"hello", "body", "from elsewhere"))
			.retrieve()
			.body(JsonNode.class);
		assertThat(published.get("stored").asInt()).isEqualTo(1);
		assertThat(published.get("unknownRecipients")).extracting(JsonNode::asLong)
			.containsExactly(this.colleague.id());
		assertThat(this.clients.get(this.colleague, "/api/notifications").get("notifications")).isEmpty();
	}

	/**
	 * Each REST resource and each SEND destination is either probed with another
	 * workspace's ids above, or takes no id of anything but the caller's own data. A new
	 * one fails this test until it is placed in one of the two lists, so the suite keeps
	 * covering the whole surface.
	 */
	@Test
	void everyRestResourceAndSendDestinationIsCoveredHere() {
		Set<String> probed = Set.of("GET /api/channels/{channelId}", "GET /api/channels/{channelId}/messages",
				"POST /api/channels/{channelId}/join", "POST /api/channels/{channelId}/leave",
				"POST /api/channels/{channelId}/members", "GET /api/channels/public", "POST /api/direct",
				"GET /api/users", "GET /api/admin/users", "GET /api/admin/users/{id}", "PATCH /api/admin/users/{id}",
				"POST /api/admin/users/{id}/password", "DELETE /api/admin/users/{id}",
				"PUT /api/admin/users/{id}/badges", "GET /api/badges", "GET /api/me",
				"POST /api/notifications/{id}/read", "SEND /app/channel.{channelId}.send",
				"POST /api/channels/{channelId}/messages", "GET /api/messages/{messageId}",
				"PATCH /api/messages/{messageId}", "DELETE /api/messages/{messageId}",
				"POST /api/messages/{messageId}/reactions", "GET /api/messages/{messageId}/replies",
				"GET /api/messages/{messageId}/history", "SEND /app/channel.{channelId}.edit",
				"SEND /app/channel.{channelId}.delete", "SEND /app/channel.{channelId}.react",
				"POST /api/channels/{channelId}/read", "GET /api/channels/{channelId}/read-markers",
				"GET /api/channels/{channelId}/members", "PUT /api/channels/{channelId}/preferences",
				"POST /api/channels/{channelId}/typing", "SEND /app/channel.{channelId}.read",
				"SEND /app/channel.{channelId}.typing", "PATCH /api/channels/{channelId}/members/{userId}",
				"DELETE /api/channels/{channelId}/members/{userId}", "POST /api/channels/{channelId}/mutes",
				"GET /api/channels/{channelId}/mutes", "DELETE /api/channels/{channelId}/mutes/{userId}",
				"POST /api/channels/{channelId}/bans", "GET /api/channels/{channelId}/bans",
				"DELETE /api/channels/{channelId}/bans/{userId}", "POST /api/channels/{channelId}/close",
				"GET /api/channels/{channelId}/audit", "GET /api/audit", "GET /api/support", "GET /api/presence",
				"POST /api/users/{userId}/block", "DELETE /api/users/{userId}/block",
				"POST /api/channels/{channelId}/attachments", "GET /api/attachments/{attachmentId}", "GET /api/search",
				"SEND /app/channel.{channelId}.moderate", "GET /api/announcements", "POST /api/announcements",
				"POST /api/notifications", "SEND /app/announcements.post");
		Set<String> ownDataOnly = Set.of("POST /api/auth/token", "POST /api/auth/token/renew", "PATCH /api/me",
				"POST /api/me/password", "GET /api/me/export", "DELETE /api/me", "GET /api/channels",
				"POST /api/channels", "POST /api/admin/users", "POST /api/admin/badges", "GET /api/notifications",
				"POST /api/notifications/read-all", "GET /api/admin/workspaces", "POST /api/admin/workspaces",
				"PUT /api/me/presence", "SEND /app/presence.set", "GET /api/me/blocks", "GET /api/me/settings",
				"PUT /api/me/settings", "GET /api/me/notification-preferences", "PUT /api/me/notification-preferences");
		Set<String> surface = new TreeSet<>();
		this.mappings.getHandlerMethods()
			.keySet()
			.forEach((info) -> info.getPatternValues()
				.forEach((pattern) -> info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> surface.add(method.name() + " " + pattern))));
		this.messageHandlers.getHandlerMethods()
			.keySet()
			.forEach((mapping) -> mapping.getDestinationConditions()
				.getPatterns()
				.forEach((pattern) -> surface.add("SEND /app/" + pattern)));
		surface.removeIf((endpoint) -> !endpoint.contains(" /api/") && !endpoint.startsWith("SEND "));
		assertThat(surface).as("the surface is read at all")
			.contains("GET /api/channels/{channelId}", "SEND /app/channel.{channelId}.send");
		assertThat(surface)
			.allSatisfy((endpoint) -> assertThat(probed.contains(endpoint) || ownDataOnly.contains(endpoint))
				.as("%s is probed for isolation or listed as the caller's own data", endpoint)
				.isTrue());
	}

	@Test
	void leavingAndNotificationsOfAnotherWorkspaceAreNotFound() {
		assertThat(status(this.clients.rest(this.intruder).post().uri("/api/channels/{id}/leave", this.publicChannel)))
			.isEqualTo(404);
		try (StompClient client = this.clients.connect(this.owner)) {
			client.sendAndAwaitReceipt(send(this.privateChannel), Map.of("content", "@" + this.colleague.username()));
		}
		long notification = this.clients.rest(this.colleague)
			.get()
			.uri("/api/notifications")
			.retrieve()
			.body(JsonNode.class)
			.at("/notifications/0/id")
			.asLong();
		assertThat(status(this.clients.rest(this.intruder).post().uri("/api/notifications/{id}/read", notification)))
			.isEqualTo(404);
	}

	private long channel(TestUser owner, String type) {
		return this.clients.rest(owner)
			.post()
			.uri("/api/channels")
			.body(Map.of("name", "w" + System.nanoTime(), "type", type))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
	}

	private static String topic(long channelId) {
		return "/topic/channel." + channelId;
	}

	private static String send(long channelId) {
		return "/app/channel." + channelId + ".send";
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.exchange((req, response) -> response.getStatusCode().value());
	}

}
