package io.switchboard.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
	void aSignedInTabOutlivesItsTokensAndMissesNothingMeanwhile() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public", bob);
		Browser browser = browsers.browser(this.clients.port()).signIn(alice.username(), TestClients.PASSWORD);
		eventually().until(browser::connectionStatus, "Connected"::equals);
		String first = token(browser);
		Instant firstExpires = this.decoder.decode(first).getExpiresAt();

		// Bob writes all along, while alice's tab renews twice and her first token
		// expires.
		List<String> tokens = new ArrayList<>(List.of(first));
		int posted = 0;
		while (tokens.size() < 3 || Instant.now().isBefore(firstExpires.plusSeconds(1))) {
			posted++;
			this.clients.post(bob, channel, "while renewing " + posted);
			int sent = posted;
			eventually().until(browser::messages, (shown) -> shown.size() == sent);
			String current = token(browser);
			if (!current.equals(tokens.get(tokens.size() - 1))) {
				tokens.add(current);
			}
		}

		assertThat(browser.signInFormShown()).isFalse();
		for (String token : tokens) {
			assertThat(this.decoder.decode(token).getSubject()).isEqualTo(Long.toString(alice.id()));
		}
		List<String> shown = browser.messages();
		for (int i = 1; i <= posted; i++) {
			assertThat(shown.get(i - 1)).contains("while renewing " + i);
		}
		eventually().until(browser::connectionStatus, "Connected"::equals);
		browser.send("still here");
		int stored = posted + 1;
		eventually().until(() -> this.clients.messages(bob, channel, "sinceSeq=0").get("messages").size(),
				(count) -> count == stored);
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

	private static String token(Browser browser) {
		return (String) browser.script("return JSON.parse(sessionStorage.getItem('switchboard.session')).token");
	}

}
