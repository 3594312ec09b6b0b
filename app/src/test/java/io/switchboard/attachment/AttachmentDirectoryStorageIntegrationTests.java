package io.switchboard.attachment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.switchboard.attachment.AttachmentIntegrationTests.bytes;
import static io.switchboard.attachment.AttachmentIntegrationTests.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code switchboard.attachments.storage=directory}, the bytes are files named by
 * the attachment's id, whatever name the client gave.
 */
@ServerTest(properties = "switchboard.attachments.storage=directory")
class AttachmentDirectoryStorageIntegrationTests {

	@TempDir
	static Path root;

	@Autowired
	TestClients clients;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void directory(DynamicPropertyRegistry registry) {
		registry.add("switchboard.attachments.directory", () -> root.resolve("attachments").toString());
	}

	@Test
	void filesAreNamedByIdNeverByTheClientAndServedFromThere() throws IOException {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private", bob);
		byte[] content = bytes("0123456789");
		long attachmentId = this.clients.uploaded(alice, channelId, "../escape.txt", MediaType.TEXT_PLAIN, content)
			.get("id")
			.asLong();
		Path directory = root.resolve("attachments");
		try (Stream<Path> files = Files.list(directory)) {
			assertThat(files).containsExactly(directory.resolve(Long.toString(attachmentId)));
		}
		assertThat(directory.resolve(Long.toString(attachmentId))).hasBinaryContent(content);
		assertThat(root.resolve("escape.txt")).doesNotExist();
		assertThat(this.jdbc.queryForObject("select count(*) from attachments where id = ? and content is null",
				Integer.class, attachmentId))
			.isOne();

		try (StompClient client = this.clients.connect(alice)) {
			client.sendAndAwaitReceipt(send(channelId),
					Map.of("content", "from disk", "attachments", List.of(attachmentId)));
		}
		ResponseEntity<byte[]> download = this.clients.rest(bob)
			.get()
			.uri("/api/attachments/{id}", attachmentId)
			.retrieve()
			.toEntity(byte[].class);
		assertThat(download.getBody()).isEqualTo(content);
		assertThat(download.getHeaders().getContentLength()).isEqualTo(content.length);
		assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("escape.txt");
		ResponseEntity<byte[]> range = this.clients.rest(bob)
			.get()
			.uri("/api/attachments/{id}", attachmentId)
			.header(HttpHeaders.RANGE, "bytes=2-4")
			.retrieve()
			.toEntity(byte[].class);
		assertThat(range.getStatusCode().value()).isEqualTo(206);
		assertThat(range.getBody()).isEqualTo(bytes("234"));
	}

}
