package io.switchboard.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel that a user may not know of, a private (or direct, group, support) channel of
 * others, answers every path and destination as a channel that does not exist would:
 * {@code 404 not_found}, with the same body. Who may know of it but not do what they ask
 * (a member without the role, a reader of a public channel who is not a member, an ADMIN,
 * a banned user) is still {@code 403 forbidden}.
 */
@ServerTest
class ChannelVisibilityIntegrationTests {

	private static final long NOBODY = 999_999_999_999L;

	@Autowired
	TestClients clients;

	@Test
	void everyChannelPathAnswersNotFoundForAPrivateChannelOfOthers() {
		TestUser owner = this.clients.newUser();
		TestUser member = this.clients.newUser();
		TestUser stranger = this.clients.newUser();
		long privateChannel = this.clients.createChannel(owner, "private", member);
		long direct = this.clients.direct(owner, member);
		long support = this.clients.createChannel(owner, "support");
		for (long hidden : new long[] { privateChannel, direct, support }) {
			List<String> paths = new ArrayList<>();
			for (Request request : requests(member.id())) {
				paths.add(request.path());
				Answer answer = answer(request.call().with(stranger, hidden), hidden);
				Answer missing = answer(request.call().with(stranger, NOBODY), NOBODY);
				assertThat(answer.status()).as("%s of channel %d", request.path(), hidden).isEqualTo(404);
				assertThat(answer).as("%s of channel %d", request.path(), hidden).isEqualTo(missing);
			}
			assertThat(paths).hasSize(21);
		}
		assertThat(this.clients.messages(owner, privateChannel, "sinceSeq=0").get("messages")).isEmpty();
		JsonNode members = this.clients.get(owner, "/api/channels/" + privateChannel);
		assertThat(members.get("role").asString()).isEqualTo("admin");
	}

	@Test
	void everyMessagePathAnswersNotFoundForAMessageOfAPrivateChannelOfOthers() {
		TestUser owner = this.clients.newUser();
		TestUser stranger = this.clients.newUser();
		long privateChannel = this.clients.createChannel(owner, "private");
		long messageId = this.clients.rest(owner)
			.post()
			.uri("/api/channels/{id}/messages", privateChannel)
			.body(Map.of("content", "secret"))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
		RestClient rest = this.clients.rest(stranger);
		List<Function<Long, RestClient.RequestHeadersSpec<?>>> requests = List.of(
				(id) -> rest.get().uri("/api/messages/{id}", id),
				(id) -> rest.patch().uri("/api/messages/{id}", id).body(Map.of("content", "mine now")),
				(id) -> rest.delete().uri("/api/messages/{id}", id),
				(id) -> rest.post().uri("/api/messages/{id}/reactions", id).body(Map.of("emoji", "👍", "add", true)),
				(id) -> rest.get().uri("/api/messages/{id}/replies", id),
				(id) -> rest.get().uri("/api/messages/{id}/history", id));
		for (Function<Long, RestClient.RequestHeadersSpec<?>> request : requests) {
			Answer answer = answer(request.apply(messageId), messageId);
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer).isEqualTo(answer(request.apply(NOBODY), NOBODY));
		}
		assertThat(this.clients.messages(owner, privateChannel, "sinceSeq=0").at("/messages/0/content").asString())
			.isEqualTo("secret");
	}

	@Test
	void everyStompDestinationAnswersNotFoundForAPrivateChannelOfOthers() {
		TestUser owner = this.clients.newUser();
		TestUser stranger = this.clients.newUser();
		long privateChannel = this.clients.createChannel(owner, "private");
		long messageId = this.clients.rest(owner)
			.post()
			.uri("/api/channels/{id}/messages", privateChannel)
			.body(Map.of("content", "secret"))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
		Map<String, Map<String, Object>> sends = Map.of("send", Map.of("content", "hello?"), "edit",
				Map.of("messageId", messageId, "content", "mine now"), "delete", Map.of("messageId", messageId),
				"react", Map.of("messageId", messageId, "emoji", "👍", "add", true), "typing", Map.of("typing", true),
				"read", Map.of("seq", 1), "moderate", Map.of("action", "kick", "userId", owner.id()));
		try (StompClient client = this.clients.connect(stranger)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			StompClient.PendingSubscription refused = client.trySubscribe("/topic/channel." + privateChannel);
			JsonNode hidden = errors.next();
			client.trySubscribe("/topic/channel." + NOBODY);
			assertSameRefusal(hidden, privateChannel, errors.next(), NOBODY);
			for (Map.Entry<String, Map<String, Object>> send : sends.entrySet()) {
				client.send("/app/channel." + privateChannel + "." + send.getKey(), send.getValue());
				JsonNode answer = errors.next();
				client.send("/app/channel." + NOBODY + "." + send.getKey(), send.getValue());
				assertSameRefusal(answer, privateChannel, errors.next(), NOBODY);
			}
			assertThat(refused.confirmed()).isNotDone();
		}
		assertThat(this.clients.messages(owner, privateChannel, "sinceSeq=0").at("/messages/0/content").asString())
			.isEqualTo("secret");
	}

	@Test
	void whoMayKnowOfAChannelButNotDoThisIsStillForbidden() {
		TestUser owner = this.clients.newUser();
		TestUser member = this.clients.newUser();
		TestUser reader = this.clients.newUser();
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser agent = this.clients.newUser(Role.MODERATOR);
		long privateChannel = this.clients.createChannel(owner, "private", member);
		long publicChannel = this.clients.createChannel(owner, "public");
		long support = this.clients.createChannel(owner, "support");
		// A member who is not a moderator.
		assertThat(status(this.clients.rest(member).get().uri("/api/channels/{id}/mutes", privateChannel)))
			.isEqualTo(403);
		assertThat(status(
				this.clients.rest(member).delete().uri("/api/channels/{id}/members/{u}", privateChannel, owner.id())))
			.isEqualTo(403);
		// A reader of a public channel who is not a member.
		assertThat(status(this.clients.rest(reader)
			.post()
			.uri("/api/channels/{id}/messages", publicChannel)
			.body(Map.of("content", "hi")))).isEqualTo(403);
		assertThat(status(
				this.clients.rest(reader).post().uri("/api/channels/{id}/read", publicChannel).body(Map.of("seq", 0))))
			.isEqualTo(403);
		assertThat(status(this.clients.rest(reader).get().uri("/api/channels/{id}/messages", publicChannel)))
			.isEqualTo(200);
		// An ADMIN moderates every channel of the workspace, so knows of it.
		assertThat(status(this.clients.rest(admin).get().uri("/api/channels/{id}/messages", privateChannel)))
			.isEqualTo(403);
		assertThat(status(this.clients.rest(admin).get().uri("/api/channels/{id}/mutes", privateChannel)))
			.isEqualTo(200);
		// An agent lists the open support channels.
		assertThat(status(this.clients.rest(agent).get().uri("/api/channels/{id}/messages", support))).isEqualTo(403);
		// Someone banned from a private channel knows it.
		this.clients.rest(owner)
			.post()
			.uri("/api/channels/{id}/bans", privateChannel)
			.body(Map.of("userId", member.id()))
			.retrieve()
			.toBodilessEntity();
		assertThat(status(this.clients.rest(member).get().uri("/api/channels/{id}/messages", privateChannel)))
			.isEqualTo(403);
		try (StompClient client = this.clients.connect(reader)) {
			Inbox errors = client.subscribe("/user/queue/errors");
			client.send("/app/channel." + publicChannel + ".send", Map.of("content", "hi"));
			assertThat(errors.next().get("code").asString()).isEqualTo("forbidden");
		}
	}

	/**
	 * Every REST path under {@code /api/channels/{id}}, and the others that name a
	 * channel, as a stranger would call them.
	 */
	private List<Request> requests(long someoneId) {
		Map<String, Object> sanction = Map.of("userId", someoneId);
		return List.of(new Request("GET /{id}", (user, id) -> rest(user).get().uri("/api/channels/{id}", id)),
				new Request("POST /{id}/join", (user, id) -> rest(user).post().uri("/api/channels/{id}/join", id)),
				new Request("POST /{id}/leave", (user, id) -> rest(user).post().uri("/api/channels/{id}/leave", id)),
				new Request("POST /{id}/members",
						(user, id) -> rest(user).post().uri("/api/channels/{id}/members", id).body(sanction)),
				new Request("PATCH /{id}/members/{u}",
						(user, id) -> rest(user).patch()
							.uri("/api/channels/{id}/members/{u}", id, someoneId)
							.body(Map.of("role", "member"))),
				new Request("DELETE /{id}/members/{u}",
						(user, id) -> rest(user).delete().uri("/api/channels/{id}/members/{u}", id, someoneId)),
				new Request("POST /{id}/mutes",
						(user, id) -> rest(user).post().uri("/api/channels/{id}/mutes", id).body(sanction)),
				new Request("POST /{id}/bans",
						(user, id) -> rest(user).post().uri("/api/channels/{id}/bans", id).body(sanction)),
				new Request("GET /{id}/mutes", (user, id) -> rest(user).get().uri("/api/channels/{id}/mutes", id)),
				new Request("GET /{id}/bans", (user, id) -> rest(user).get().uri("/api/channels/{id}/bans", id)),
				new Request("DELETE /{id}/mutes/{u}",
						(user, id) -> rest(user).delete().uri("/api/channels/{id}/mutes/{u}", id, someoneId)),
				new Request("DELETE /{id}/bans/{u}",
						(user, id) -> rest(user).delete().uri("/api/channels/{id}/bans/{u}", id, someoneId)),
				new Request("POST /{id}/close", (user, id) -> rest(user).post().uri("/api/channels/{id}/close", id)),
				new Request("GET /{id}/audit", (user, id) -> rest(user).get().uri("/api/channels/{id}/audit", id)),
				new Request("POST /{id}/read",
						(user, id) -> rest(user).post().uri("/api/channels/{id}/read", id).body(Map.of("seq", 1))),
				new Request("PUT /{id}/preferences",
						(user, id) -> rest(user).put()
							.uri("/api/channels/{id}/preferences", id)
							.body(Map.of("notifications", "none", "muted", true))),
				new Request("POST /{id}/typing", (user,
						id) -> rest(user).post().uri("/api/channels/{id}/typing", id).body(Map.of("typing", true))),
				new Request("GET /{id}/messages",
						(user, id) -> rest(user).get().uri("/api/channels/{id}/messages", id)),
				new Request("POST /{id}/messages",
						(user, id) -> rest(user).post()
							.uri("/api/channels/{id}/messages", id)
							.body(Map.of("content", "hello?"))),
				new Request("POST /{id}/attachments",
						(user, id) -> this.clients.upload(user, id, "x.txt", MediaType.TEXT_PLAIN, new byte[] { 'x' })),
				new Request("GET /api/search?channelId={id}",
						(user, id) -> rest(user).get().uri("/api/search?q=secret&channelId={id}", id)));
	}

	private RestClient rest(TestUser user) {
		return this.clients.rest(user);
	}

	private static void assertSameRefusal(JsonNode hidden, long hiddenId, JsonNode missing, long missingId) {
		assertThat(hidden.get("code").asString()).as("%s", hidden).isEqualTo("not_found");
		assertThat(hidden.get("message").asString().replace(Long.toString(hiddenId), "N"))
			.isEqualTo(missing.get("message").asString().replace(Long.toString(missingId), "N"));
		assertThat(hidden.get("destination").asString().replace(Long.toString(hiddenId), "N"))
			.isEqualTo(missing.get("destination").asString().replace(Long.toString(missingId), "N"));
	}

	/**
	 * The status and the problem, with the id named in it written {@code N}.
	 */
	private static Answer answer(RestClient.RequestHeadersSpec<?> request, long id) {
		ResponseEntity<String> response = request.exchange((req, res) -> ResponseEntity.status(res.getStatusCode())
			.headers(res.getHeaders())
			.body(new String(res.getBody().readAllBytes())));
		String body = (response.getBody() != null) ? response.getBody() : "";
		return new Answer(response.getStatusCode().value(), body.replace(Long.toString(id), "N"));
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return TestClients.status(request);
	}

	private record Request(String path, Call call) {

	}

	@FunctionalInterface
	private interface Call {

		RestClient.RequestHeadersSpec<?> with(TestUser user, long channelId);

	}

	private record Answer(int status, String body) {

	}

}
