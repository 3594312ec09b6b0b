package io.switchboard.fuzz;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.switchboard.test.RawWebSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzzing client on a raw WebSocket, which writes frames as they come, checks that each
 * is answered as PROTOCOL.md section 5 says, and opens a new session when the server has
 * rightly closed the last one.
 */
final class FuzzSession implements AutoCloseable {

	/** What a refused SEND may be told; never {@code internal}. */
	static final Set<String> REFUSALS = Set.of("bad_request", "forbidden", "not_found", "conflict");

	private final int port;

	private final String token;

	private final JsonMapper json;

	private final Deque<Frame> received = new ArrayDeque<>();

	private RawWebSocket socket;

	private long sent;

	FuzzSession(int port, String token, JsonMapper json) throws IOException {
		this.port = port;
		this.token = token;
		this.json = json;
		open();
	}

	/**
	 * Sends the batch's frames one after another without waiting, and checks that every
	 * SEND got its RECEIPT or an error event with its receipt id and a code the contract
	 * lists, on a session that stays open. A frame no server can read goes only once the
	 * frames before it are answered, must get an ERROR frame and a closed connection, and
	 * the rest of the batch goes on a new session.
	 */
	void check(List<FuzzFrame> batch) throws IOException {
		try {
			checkOnThisSession(batch);
		}
		catch (AssertionError | IOException | RuntimeException ex) {
			// Answers still in flight would be taken for the next batch's: start afresh,
			// so that shrinking retries the batch on a clean session.
			close();
			this.socket = null;
			throw ex;
		}
	}

	private void checkOnThisSession(List<FuzzFrame> batch) throws IOException {
		List<FuzzFrame> readable = new ArrayList<>();
		for (FuzzFrame frame : batch) {
			if (!frame.breaksTheProtocol()) {
				readable.add(frame);
				continue;
			}
			answered(readable);
			readable.clear();
			refused(frame);
		}
		answered(readable);
	}

	private void answered(List<FuzzFrame> frames) throws IOException {
		if (frames.isEmpty()) {
			return;
		}
		if (this.socket == null) {
			open();
		}
		Set<String> waiting = new HashSet<>();
		for (FuzzFrame frame : frames) {
			this.socket.send(frame.text());
			this.sent++;
			waiting.add(frame.receiptId());
		}
		while (!waiting.isEmpty()) {
			Frame answer = next();
			assertThat(answer).as("the session closed while %s waited for answers", waiting).isNotNull();
			switch (answer.command()) {
				case "RECEIPT" -> assertThat(waiting.remove(answer.headers().get("receipt-id")))
					.as("a receipt for a frame sent: %s", answer)
					.isTrue();
				case "MESSAGE" -> {
					JsonNode error = this.json.readTree(answer.body());
					assertThat(error.path("type").asString("")).as("the type of %s", answer).isEqualTo("error");
					assertThat(error.hasNonNull("receiptId")).as("a receipt id in %s", answer).isTrue();
					assertThat(error.get("code").asString()).as("the refusal of %s", error).isIn(REFUSALS);
					assertThat(error.get("message").asString()).isNotBlank();
					assertThat(waiting.remove(error.get("receiptId").asString()))
						.as("an error event for a frame sent: %s", error)
						.isTrue();
				}
				default -> throw new AssertionError("a " + answer.command() + " frame where answers to SENDs were due: "
						+ answer + "; waiting for " + waiting);
			}
		}
	}

	private void refused(FuzzFrame unreadable) throws IOException {
		if (this.socket == null) {
			open();
		}
		this.socket.send(unreadable.text());
		this.sent++;
		Frame error = next();
		assertThat(error).as("an ERROR frame for %s", unreadable).isNotNull();
		assertThat(error.command()).as("the answer to %s: %s", unreadable, error).isEqualTo("ERROR");
		assertThat(error.headers().get("message")).isEqualTo("protocol error");
		assertThat(next()).as("the connection closes after the ERROR frame").isNull();
		this.socket.close();
		this.socket = null;
	}

	long sent() {
		return this.sent;
	}

	@Override
	public void close() throws IOException {
		if (this.socket != null) {
			this.socket.close();
		}
	}

	private void open() throws IOException {
		this.socket = RawWebSocket.open(this.port);
		this.received.clear();
		this.socket.send("CONNECT\naccept-version:1.2\nheart-beat:0,0\nAuthorization:Bearer " + this.token + "\n\n\0");
		assertThat(next().command()).isEqualTo("CONNECTED");
		this.socket.send("SUBSCRIBE\nid:errors\ndestination:/user/queue/errors\nreceipt:errors\n\n\0");
		assertThat(next().headers().get("receipt-id")).isEqualTo("errors");
	}

	/**
	 * The next frame from the server, or {@code null} once it has closed the connection.
	 */
	private Frame next() throws IOException {
		while (this.received.isEmpty()) {
			String message = this.socket.nextMessage();
			if (message == null) {
				return null;
			}
			for (String frame : message.split("\0")) {
				String trimmed = frame.replaceFirst("^[\r\n]+", "");
				if (!trimmed.isEmpty()) {
					this.received.add(Frame.parse(trimmed));
				}
			}
		}
		return this.received.poll();
	}

	record Frame(String command, Map<String, String> headers, String body) {

		static Frame parse(String text) {
			int end = text.indexOf("\n\n");
			String head = (end >= 0) ? text.substring(0, end) : text;
			String[] lines = head.split("\n");
			Map<String, String> headers = new HashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
				}
			}
			return new Frame(lines[0], headers, (end >= 0) ? text.substring(end + 2) : "");
		}

	}

}
