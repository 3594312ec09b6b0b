package io.switchboard.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The @stomp/stompjs example of README.md, exactly as printed but for the address and the
 * account, run by Node 20 against the whole server: it signs in, connects, sends, and
 * prints its own message as it comes back.
 */
@ServerTest
@NeedsNode
class ReadmeClientSnippetTests {

	private static final Pattern SNIPPET = Pattern.compile("## Connect a client.*?```js\\n(.*?)```", Pattern.DOTALL);

	@Autowired
	TestClients clients;

	@Test
	void theReadmeSnippetRunsAsWrittenInNodeAndSeesItsOwnMessage(@TempDir Path directory)
			throws IOException, InterruptedException {
		TestUser user = this.clients.newUser();
		this.clients.createChannel(user, "public");
		String snippet = readmeSnippet();
		String script = replaceOnce(
				replaceOnce(replaceOnce(snippet, "http://localhost:8080", "http://localhost:" + this.clients.port()),
						"ws://localhost:8080", "ws://localhost:" + this.clients.port()),
				"username: \"alice\", password: \"demo\"",
				"username: \"" + user.user().username() + "\", password: \"" + TestClients.PASSWORD + "\"");
		Files.writeString(directory.resolve("client.mjs"), script);
		Files.createSymbolicLink(directory.resolve("node_modules"), NeedsNode.MODULES);
		Path output = directory.resolve("output.txt");
		Process node = new ProcessBuilder("node", "client.mjs").directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		try {
			// The client stays connected, as a chat client does; its line is the barrier.
			await().atMost(Duration.ofSeconds(30))
				.until(() -> Files.readString(output, StandardCharsets.UTF_8)
					.contains("1 " + user.user().username() + " hello, @bob"));
			assertThat(node.isAlive()).isTrue();
		}
		finally {
			node.destroy();
			node.waitFor(10, TimeUnit.SECONDS);
		}
		assertThat(Files.readString(output)).doesNotContain("Error", "unauthorized", "bad_request");
	}

	private static String readmeSnippet() throws IOException {
		Matcher matcher = SNIPPET.matcher(Files.readString(Path.of("..", "README.md")));
		assertThat(matcher.find()).as("README.md has a js block under 'Connect a client'").isTrue();
		return matcher.group(1);
	}

	private static String replaceOnce(String text, String what, String with) {
		assertThat(text).as("the README snippet").contains(what);
		return text.replace(what, with);
	}

}
