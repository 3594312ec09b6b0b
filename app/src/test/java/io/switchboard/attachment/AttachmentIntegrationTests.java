package io.switchboard.attachment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.switchboard.test.TestClients.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads, messages that carry them, and downloads, as clients see them over real sockets
 * and REST, with the bytes kept in the database (the default).
 */
@ServerTest
class AttachmentIntegrationTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 };

	@Autowired
	TestClients clients;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anImageSentWithAMessageReachesSubscribersAndIsServedInlineToMembers() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		JsonNode upload = this.clients.uploaded(alice, channelId, "cat.png", MediaType.IMAGE_PNG, PNG);
		assertThat(upload.get("name").asString()).isEqualTo("cat.png");
		assertThat(upload.get("contentType").asString()).isEqualTo("image/png");
		assertThat(upload.get("size").asLong()).isEqualTo(PNG.length);
		long attachmentId = upload.get("id").asLong();
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox channel = bobClient.subscribe(topic(channelId));
			aliceClient.sendAndAwaitReceipt(send(channelId),
					Map.of("content", "look", "attachments", List.of(attachmentId)));
			JsonNode created = channel.next();
			assertThat(created.get("type").asString()).isEqualTo("message.created");
			assertThat(created.at("/message/attachments")).singleElement().isEqualTo(upload);
			long messageId = created.at("/message/id").asLong();
			assertThat(this.clients.get(bob, "/api/messages/" + messageId).get("attachments"))
				.isEqualTo(created.at("/message/attachments"));
			assertThat(this.clients.messages(bob, channelId, "sinceSeq=0").at("/messages/0/attachments"))
				.isEqualTo(created.at("/message/attachments"));
		}

		ResponseEntity<byte[]> download = this.clients.rest(bob)
			.get()
			.uri("/api/attachments/{id}", attachmentId)
			.retrieve()
			.toEntity(byte[].class);
		assertThat(download.getBody()).isEqualTo(PNG);
		HttpHeaders headers = download.getHeaders();
		assertThat(headers.getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(headers.getContentLength()).isEqualTo(PNG.length);
		assertThat(headers.getContentDisposition().isInline()).isTrue();
		assertThat(headers.getContentDisposition().getFilename()).isEqualTo("cat.png");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getCacheControl()).isEqualTo("private");
	}

	@Test
	void htmlAndSvgAreServedAsDownloadsOfOpaqueBytesUnderTheirNamesWithoutPaths() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "public", bob);
		byte[] html = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
		JsonNode page = this.clients.uploaded(alice, channelId, "../../etc/évil \"page\".html", MediaType.TEXT_HTML,
				html);
		assertThat(page.get("name").asString()).isEqualTo("évil \"page\".html");
		assertThat(page.get("contentType").asString()).isEqualTo("text/html");
		JsonNode svg = this.clients.uploaded(alice, channelId, "C:\\Users\\a\\logo.svg",
				MediaType.parseMediaType("image/svg+xml"),
				"<svg onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8));
		assertThat(svg.get("name").asString()).isEqualTo("logo.svg");
		JsonNode odd = this.clients.uploaded(alice, channelId, "\u202egpj.exe\u0007", MediaType.IMAGE_PNG, PNG);
		assertThat(odd.get("name").asString()).isEqualTo("gpj.exe");
		long htmlId = page.get("id").asLong();
		long svgId = svg.get("id").asLong();
		try (StompClient client = this.clients.connect(alice)) {
			client.sendAndAwaitReceipt(send(channelId),
					Map.of("content", "files", "attachments", List.of(svgId, htmlId)));
		}

		ResponseEntity<byte[]> download = this.clients.rest(bob)
			.get()
			.uri("/api/attachments/{id}", htmlId)
			.retrieve()
			.toEntity(byte[].class);
		assertThat(download.getBody()).isEqualTo(html);
		HttpHeaders headers = download.getHeaders();
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		ContentDisposition disposition = headers.getContentDisposition();
		assertThat(disposition.isAttachment()).isTrue();
		assertThat(disposition.getFilename()).isEqualTo("évil \"page\".html");
		// The header is ASCII; the name in UTF-8 is in filename*, which clients prefer.
		assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).matches("\\p{ASCII}+")
			.contains("filename=\"_vil \\\"page\\\".html\"")
			.contains("filename*=UTF-8''%C3%A9vil");

		HttpHeaders svgHeaders = this.clients.rest(bob)
			.get()
			.uri("/api/attachments/{id}", svgId)
			.retrieve()
			.toBodilessEntity()
			.getHeaders();
		assertThat(svgHeaders.getContentDisposition().isAttachment()).isTrue();
		assertThat(svgHeaders.getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
	}

	@Test
	void onlyMembersUploadAndOnlyReadersOfTheChannelDownload() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		long privateChannel = this.clients.createChannel(alice, "private", bob);
		long publicChannel = this.clients.createChannel(alice, "public");
		long attachmentId = this.clients.uploaded(alice, privateChannel, "plan.txt", MediaType.TEXT_PLAIN, bytes("x"))
			.get("id")
			.asLong();
		// Before a message takes it, an upload is its uploader's alone.
		assertThat(status(this.clients.rest(bob).get().uri("/api/attachments/{id}", attachmentId))).isEqualTo(404);
		assertThat(status(this.clients.rest(alice).get().uri("/api/attachments/{id}", attachmentId))).isEqualTo(200);
		try (StompClient client = this.clients.connect(alice)) {
			client.sendAndAwaitReceipt(send(privateChannel),
					Map.of("content", "the plan", "attachments", List.of(attachmentId)));
		}
		assertThat(status(this.clients.rest(bob).get().uri("/api/attachments/{id}", attachmentId))).isEqualTo(200);
		assertThat(status(this.clients.rest(carol).get().uri("/api/attachments/{id}", attachmentId))).isEqualTo(404);
		assertThat(status(this.clients.rest(carol).get().uri("/api/attachments/{id}", Long.MAX_VALUE - 1)))
			.isEqualTo(404);

		assertThat(status(this.clients.upload(carol, privateChannel, "x.txt", MediaType.TEXT_PLAIN, bytes("x"))))
			.as("a channel carol may not read")
			.isEqualTo(404);
		assertThat(status(this.clients.upload(carol, publicChannel, "x.txt", MediaType.TEXT_PLAIN, bytes("x"))))
			.as("a channel carol reads but is no member of")
			.isEqualTo(403);
		assertThat(status(this.clients.upload(carol, Long.MAX_VALUE - 1, "x.txt", MediaType.TEXT_PLAIN, bytes("x"))))
			.isEqualTo(404);
	}

	@Test
	void aSendThatNamesUploadsItMayNotTakeIsRefusedAndStoresNothing() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		long otherChannel = this.clients.createChannel(bob, "private");
		long alices = this.clients.uploaded(alice, channelId, "a.txt", MediaType.TEXT_PLAIN, bytes("a"))
			.get("id")
			.asLong();
		long bobsElsewhere = this.clients.uploaded(bob, otherChannel, "b.txt", MediaType.TEXT_PLAIN, bytes("b"))
			.get("id")
			.asLong();
		long bobs = this.clients.uploaded(bob, channelId, "c.txt", MediaType.TEXT_PLAIN, bytes("c")).get("id").asLong();
		try (StompClient aliceClient = this.clients.connect(alice); StompClient bobClient = this.clients.connect(bob)) {
			Inbox channel = aliceClient.subscribe(topic(channelId));
			Inbox errors = bobClient.subscribe("/user/queue/errors");
			bobClient.send(send(channelId), Map.of("content", "mine now", "attachments", List.of(bobs, alices)));
			assertThat(errors.next().get("code").asString()).isEqualTo("forbidden");
			bobClient.send(send(channelId), Map.of("content", "wrong channel", "attachments", List.of(bobsElsewhere)));
			assertThat(errors.next().get("code").asString()).isEqualTo("forbidden");
			bobClient.send(send(channelId), Map.of("content", "nothing", "attachments", List.of(Long.MAX_VALUE - 1)));
			assertThat(errors.next().get("code").asString()).isEqualTo("not_found");
			bobClient.send(send(channelId), Map.of("content", "too many", "attachments",
					LongStream.rangeClosed(1, 11).map((i) -> bobs).boxed().toList()));
			assertThat(errors.next().get("code").asString()).isEqualTo("bad_request");
			// The barrier: had any refused SEND been stored, its event would come first.
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "barrier"));
			JsonNode barrier = channel.next();
			assertThat(barrier.at("/message/content").asString()).isEqualTo("barrier");
			assertThat(barrier.at("/message/attachments")).isEmpty();

			// Nothing was taken: bob's own upload still goes with his next message, once.
			bobClient.sendAndAwaitReceipt(send(channelId), Map.of("content", "mine", "attachments", List.of(bobs)));
			assertThat(channel.next().at("/message/attachments/0/id").asLong()).isEqualTo(bobs);
			bobClient.send(send(channelId), Map.of("content", "again", "attachments", List.of(bobs)));
			assertThat(errors.next().get("code").asString()).isEqualTo("conflict");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from attachments where id = ? and message_id is null",
				Integer.class, alices))
			.isOne();
	}

	@Test
	void restPostsTakeAttachmentsAndADeletedMessageShowsAndServesNone() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		long attachmentId = this.clients.uploaded(alice, channelId, "doc.pdf", MediaType.APPLICATION_PDF, bytes("%PDF"))
			.get("id")
			.asLong();
		JsonNode posted = this.clients.rest(alice)
			.post()
			.uri("/api/channels/{id}/messages", channelId)
			.body(Map.of("content", "over REST", "attachments", List.of(attachmentId)))
			.retrieve()
			.body(JsonNode.class);
		assertThat(posted.at("/attachments/0/name").asString()).isEqualTo("doc.pdf");
		long messageId = posted.get("id").asLong();
		try (StompClient client = this.clients.connect(bob)) {
			Inbox channel = client.subscribe(topic(channelId));
			assertThat(status(this.clients.rest(alice).delete().uri("/api/messages/{id}", messageId))).isEqualTo(200);
			JsonNode deleted = channel.next();
			assertThat(deleted.get("type").asString()).isEqualTo("message.deleted");
			assertThat(deleted.at("/message/attachments")).isEmpty();
		}
		assertThat(this.clients.get(bob, "/api/messages/" + messageId).get("attachments")).isEmpty();
		assertThat(status(this.clients.rest(bob).get().uri("/api/attachments/{id}", attachmentId))).isEqualTo(404);
		assertThat(status(this.clients.rest(alice).get().uri("/api/attachments/{id}", attachmentId))).isEqualTo(404);
	}

	@Test
	void malformedUploadsAreClientErrors() {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		assertThat(status(this.clients.rest(alice)
			.post()
			.uri("/api/channels/{id}/attachments", channelId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("file", "x")))).isEqualTo(415);
		assertThat(status(this.clients.rest(alice)
			.post()
			.uri("/api/channels/{id}/attachments", channelId)
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=nothing"))
			.body("this is not multipart"))).isEqualTo(400);
		JsonNode noType = this.clients.uploaded(alice, channelId, "/", MediaType.APPLICATION_OCTET_STREAM, new byte[0]);
		assertThat(noType.get("name").asString()).isEqualTo("file");
		assertThat(noType.get("size").asLong()).isZero();
		assertThat(status(this.clients.rest(alice).get().uri("/api/attachments/{id}", noType.get("id").asLong())))
			.isEqualTo(200);
	}

	@Test
	void theExportListsMyUploadsAndErasureRemovesOnlyUnsentOnes() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(bob, "private", alice);
		long sent = this.clients.uploaded(alice, channelId, "sent.png", MediaType.IMAGE_PNG, PNG).get("id").asLong();
		long unsent = this.clients.uploaded(alice, channelId, "draft.png", MediaType.IMAGE_PNG, PNG).get("id").asLong();
		this.clients.uploaded(bob, channelId, "bobs.png", MediaType.IMAGE_PNG, PNG);
		try (StompClient client = this.clients.connect(alice)) {
			client.sendAndAwaitReceipt(send(channelId), Map.of("content", "sent", "attachments", List.of(sent)));
		}
		JsonNode export = this.clients.get(alice, "/api/me/export");
		assertThat(export.get("attachments")).extracting((attachment) -> attachment.get("name").asString())
			.containsExactly("sent.png", "draft.png");
		assertThat(export.at("/attachments/1/messageId").isNull()).isTrue();

		assertThat(status(this.clients.rest(alice).delete().uri("/api/me"))).isEqualTo(204);
		assertThat(status(this.clients.rest(bob).get().uri("/api/attachments/{id}", sent))).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select count(*) from attachments where id = ?", Integer.class, unsent))
			.isZero();
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String topic(long channelId) {
		return "/topic/channel." + channelId;
	}

	static String send(long channelId) {
		return "/app/channel." + channelId + ".send";
	}

}
