package io.switchboard.fuzz;

import java.util.ArrayList;
import java.util.List;

import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over 100,000 random and mutated SEND frames and JSON payloads, from several sessions at
 * once, at the running server: each is answered as PROTOCOL.md section 5 says (a RECEIPT,
 * or an error event with a listed code on a session that stays open; an ERROR frame and a
 * closed connection only for a frame no STOMP server can read), the server stays up, and
 * a well-behaved client connected throughout sends and receives in order. A failure
 * prints the shrunk batch and the seed that reproduces it.
 */
@ServerTest
class StompFuzzIntegrationTests {

	private static final int SESSIONS = 4;

	private static final int BATCH = 25;

	/**
	 * Enough for 100,000 frames; {@code -Dfuzz.batches=N} runs fewer while working on it.
	 */
	private static final int BATCHES_PER_SESSION = Integer.getInteger("fuzz.batches", 1_000);

	@Autowired
	TestClients clients;

	@Test
	void everyFrameIsAnsweredAsTheContractSaysAndAWellBehavedClientCarriesOn() throws Exception {
		TestUser fuzzer = this.clients.newUser();
		long fuzzedChannel = this.clients.createChannel(fuzzer, "public");
		TestUser steady = this.clients.newUser();
		long steadyChannel = this.clients.createChannel(steady, "private");
		FuzzFrames frames = new FuzzFrames(this.clients.json(), fuzzedChannel);
		try (StompClient steadyConnection = this.clients.connect(steady)) {
			SteadyClient steadyClient = new SteadyClient(steadyConnection, steadyChannel).start();
			List<FuzzSession> sessions = new ArrayList<>();
			for (int i = 0; i < SESSIONS; i++) {
				sessions.add(new FuzzSession(this.clients.port(), fuzzer.token(), this.clients.json()));
			}
			try {
				FuzzThreads.run("fuzzer", SESSIONS, BATCHES_PER_SESSION, frames.batches(BATCH),
						(session, batch) -> sessions.get(session).check(batch));
			}
			finally {
				steadyClient.stop();
				for (FuzzSession session : sessions) {
					session.close();
				}
			}
			assertThat(sessions.stream().mapToLong(FuzzSession::sent).sum())
				.isGreaterThanOrEqualTo((long) SESSIONS * BATCH * BATCHES_PER_SESSION);
			steadyClient.check();
		}
		JsonNode health = this.clients.anonymousRest().get().uri("/actuator/health").retrieve().body(JsonNode.class);
		assertThat(health.get("status").asString()).isEqualTo("UP");
	}

}
