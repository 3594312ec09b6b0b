package io.switchboard.attachment;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload over {@code switchboard.attachments.max-size} (here 1 KB) is the client's
 * error, answered as such, and not a failure the server logs.
 */
@ServerTest(properties = "switchboard.attachments.max-size=1KB")
@ExtendWith(OutputCaptureExtension.class)
class AttachmentSizeLimitIntegrationTests {

	@Autowired
	TestClients clients;

	@Test
	void anUploadOverTheLimitIsRefusedAsTooLargeWithoutAStackTrace(CapturedOutput output) {
		TestUser alice = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		JsonNode atTheLimit = this.clients.uploaded(alice, channelId, "fits.bin", MediaType.APPLICATION_OCTET_STREAM,
				new byte[1024]);
		assertThat(atTheLimit.get("size").asLong()).isEqualTo(1024);

		Refusal refusal = this.clients
			.upload(alice, channelId, "big.bin", MediaType.APPLICATION_OCTET_STREAM, new byte[64 * 1024])
			.exchange((request, response) -> new Refusal(response.getStatusCode().value(),
					response.getHeaders().getContentType(), this.clients.json().readTree(response.getBody())));
		assertThat(refusal.status()).isEqualTo(413);
		assertThat(refusal.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refusal.problem().get("code").asString()).isEqualTo("bad_request");
		assertThat(refusal.problem().get("detail").asString()).contains("1024");
		assertThat(output).doesNotContain("Unexpected failure").doesNotContain("MaxUploadSizeExceededException");
	}

	record Refusal(int status, MediaType contentType, JsonNode problem) {

	}

}
