package io.switchboard.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.test.Inbox;
import io.switchboard.test.ServerTest;
import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static io.switchboard.web.Browser.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in tab renews its token before it expires and goes on over a connection that
 * carries the new one; a renewal the server refuses ends the session with a word to the
 * user. Tokens here live 8 seconds, so renewals come every 6, leaving 2 for a slow one.
 */
@ServerTest(properties = "switchboard.security.token-ttl=8s")
@NeedsChromium
class WebClientSessionBrowserTests {

	private static final String SESSION_ENDED = "Your session ended. Please sign in again.";

	@Autowired
	TestClients clients;

	@Autowired
	JwtDecoder decoder;

	@RegisterExtension
	static final BrowserPool browsers = new BrowserPool();

	@Test
	void aSignedInTabOutlivesItsTokensWithoutADropOrAMomentOffline() {
		TestUser alice = this.clients.newUser();
		TestUser bob = outlivingTheTest(this.clients.newUser());
		long channel = this.clients.createChannel(alice, "public", bob);
		try (StompClient watcher = this.clients.connect(bob)) {
			Inbox presence = watcher.subscribe("/topic/presence." + alice.id());
			Browser browser = browsers.browser(this.clients.port()).signIn(alice.username(), TestClients.PASSWORD);
			assertThat(presence.next().get("status").asString()).isEqualTo("online");
			browser.script("window.statusesSeen = [];" + "const status = document.getElementById('connection-status');"
					+ "new MutationObserver(() => window.statusesSeen.push(status.textContent))"
					+ ".observe(status, {childList: true, characterData: true, subtree: true})");
			String first = token(browser);
			Instant firstExpires = this.decoder.decode(first).getExpiresAt();

			// Bob writes while alice's tab renews twice and her first token expires.
			List<String> tokens = new ArrayList<>(List.of(first));
			int posted = 0;
			while (tokens.size() < 3 || Instant.now().isBefore(firstExpires.plusSeconds(1))) {
				posted++;
				this.clients.post(bob, channel, "while renewing " + posted);
				int sent = posted;
				eventually().until(browser::messages, (shown) -> shown.size() == sent);
				String last = tokens.get(tokens.size() - 1);
				if (tokens.size() < 3) {
					tokens.add(eventually().until(() -> token(browser), (current) -> !current.equals(last)));
				}
				else {
					eventually().until(() -> Instant.now().isAfter(firstExpires.plusSeconds(1)));
				}
			}

			assertThat(browser.signInFormShown()).isFalse();
			assertThat(tokens).doesNotHaveDuplicates();
			for (String token : tokens) {
				assertThat(this.decoder.decode(token).getSubject()).isEqualTo(Long.toString(alice.id()));
			}
			List<String> shown = browser.messages();
			assertThat(shown).hasSize(posted);
			for (int i = 1; i <= posted; i++) {
				assertThat(shown.get(i - 1)).contains("while renewing " + i);
			}
			browser.send("still here");
			int stored = posted + 1;
			eventually().until(() -> this.clients.messages(bob, channel, "sinceSeq=0").get("messages").size(),
					(count) -> count == stored);
			assertThat(browser.script("return window.statusesSeen")).asString().doesNotContain("Reconnecting");

			// The first presence event since she came online is her signing out: none
			// while her tokens were renewed.
			Instant signingOut = Instant.now().minusSeconds(1);
			browser.byRole("button", "Sign out").click();
			JsonNode offline = presence.next();
			assertThat(offline.get("status").asString()).isEqualTo("offline");
			assertThat(Instant.parse(offline.get("lastSeenAt").asString())).isAfter(signingOut);
		}
	}

	@Test
	void aSessionTooOldToRenewEndsWithAWordAndSigningInAgainGoesOn() {
		TestUser alice = this.clients.newUser();
		this.clients.createChannel(alice, "public");
		Browser browser = browsers.browser(this.clients.port()).signIn(alice.username(), TestClients.PASSWORD);
		eventually().until(browser::connectionStatus, "Connected"::equals);
		// A token still valid whose session began eight days ago, past the seven a
		// session
		// may last, and due for renewal.
		Instant now = Instant.now();
		String tooOld = this.clients.tokens()
			.encode(alice.user(), now.minus(Duration.ofDays(8)), now, now.plusSeconds(4));
		browser.script("const session = JSON.parse(sessionStorage.getItem('switchboard.session'));"
				+ "session.token = arguments[0]; session.receivedAt = 0;"
				+ "sessionStorage.setItem('switchboard.session', JSON.stringify(session))", tooOld);

		browser.reload();

		eventually().until(browser::signInFormShown);
		assertThat(browser.script("return document.getElementById('sign-in-error').textContent"))
			.isEqualTo(SESSION_ENDED);
		browser.signIn(alice.username(), TestClients.PASSWORD);
		eventually().until(browser::connectionStatus, "Connected"::equals);
		assertThat(token(browser)).isNotEqualTo(tooOld);
	}

	/** The user with a token of an hour: the tokens this server issues live 8 seconds. */
	private TestUser outlivingTheTest(TestUser user) {
		Instant now = Instant.now();
		return new TestUser(user.user(), this.clients.tokens().encode(user.user(), now, now.plus(Duration.ofHours(1))));
	}

	private static String token(Browser browser) {
		return (String) browser.script("return JSON.parse(sessionStorage.getItem('switchboard.session')).token");
	}

}
