package io.switchboard.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and mutated REST requests (ids in paths and queries, content types, JSON bodies
 * that are plausible, broken, hostile or not UTF-8) from several threads at once at the
 * running server, to every API write a member makes and the reads that take parameters:
 * none is answered with a server error, every refusal is problem+json with the code its
 * status stands for, no refusal writes a stack trace, and a well-behaved client connected
 * throughout sends and receives in order. A failure prints the shrunk batch and the seed
 * that reproduces it.
 */
@ServerTest
@ExtendWith(OutputCaptureExtension.class)
class RestFuzzIntegrationTests {

	private static final int THREADS = 3;

	private static final int BATCH = 25;

	/**
	 * 5,025 requests; {@code -Dfuzz.rest.batches=N} runs fewer or more.
	 */
	private static final int BATCHES_PER_THREAD = Integer.getInteger("fuzz.rest.batches", 67);

	@Autowired
	TestClients clients;

	@Test
	void everyRequestIsAnsweredAsTheContractSaysAndAWellBehavedClientCarriesOn(CapturedOutput output) throws Exception {
		TestUser fuzzer = this.clients.newUser();
		TestUser other = this.clients.newUser();
		long ownChannel = this.clients.createChannel(fuzzer, "public");
		long othersChannel = this.clients.createChannel(other, "private");
		long ownMessage = post(fuzzer, ownChannel);
		long othersMessage = post(other, othersChannel);
		FuzzRequests requests = new FuzzRequests(this.clients.json(), List.of(ownChannel, othersChannel),
				List.of(ownMessage, othersMessage), List.of(fuzzer.id(), other.id()));
		TestUser steady = this.clients.newUser();
		long steadyChannel = this.clients.createChannel(steady, "private");
		List<RestFuzzSession> sessions = new ArrayList<>();
		try (StompClient steadyConnection = this.clients.connect(steady)) {
			SteadyClient steadyClient = new SteadyClient(steadyConnection, steadyChannel).start();
			for (int i = 0; i < THREADS; i++) {
				sessions.add(new RestFuzzSession(this.clients.port(), fuzzer.token(), this.clients.json()));
			}
			try {
				FuzzThreads.run("rest-fuzzer", THREADS, BATCHES_PER_THREAD, requests.batches(BATCH),
						(thread, batch) -> sessions.get(thread).check(batch));
			}
			finally {
				steadyClient.stop();
			}
			steadyClient.check();
		}
		assertThat(sessions.stream().mapToLong(RestFuzzSession::sent).sum())
			.isGreaterThanOrEqualTo((long) THREADS * BATCH * BATCHES_PER_THREAD);
		assertThat(output.getAll().lines()).noneMatch((line) -> line.startsWith("\tat "));
		JsonNode health = this.clients.anonymousRest().get().uri("/actuator/health").retrieve().body(JsonNode.class);
		assertThat(health.get("status").asString()).isEqualTo("UP");
	}

	private long post(TestUser author, long channelId) {
		return this.clients.rest(author)
			.post()
			.uri("/api/channels/{id}/messages", channelId)
			.body(Map.of("content", "fuzz me"))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
	}

}
