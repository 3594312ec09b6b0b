package io.switchboard.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import io.switchboard.broker.ConnectionDrops;
import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static io.switchboard.web.Browser.eventually;

/**
 * The web client in a real headless Chromium against the whole server: what a person
 * sees, found by role and accessible name.
 */
@ServerTest
@NeedsChromium
class WebClientBrowserTests {

	@Autowired
	TestClients clients;

	@Autowired
	ApplicationContext context;

	@RegisterExtension
	static final BrowserPool browsers = new BrowserPool();

	@Test
	void twoUsersSeeEachOthersMessagesLive() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		this.clients.createChannel(alice, "public", bob);
		Browser alicesBrowser = signedIn(alice);
		Browser bobsBrowser = signedIn(bob);

		alicesBrowser.send("hello bob");
		eventually().until(bobsBrowser::messages, (shown) -> shown.stream()
			.anyMatch((text) -> text.contains(alice.username()) && text.contains("hello bob")));
		bobsBrowser.send("hi alice");
		eventually().until(alicesBrowser::messages, (shown) -> shown.stream()
			.anyMatch((text) -> text.contains(bob.username()) && text.contains("hi alice")));
		assertThat(alicesBrowser.messages()).hasSize(2);
	}

	@Test
	void typingShowsWhileSomeoneWritesAndEndsWithTheirMessage() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		this.clients.createChannel(alice, "public", bob);
		Browser alicesBrowser = signedIn(alice);
		Browser bobsBrowser = signedIn(bob);

		alicesBrowser.type("hel");
		eventually().until(bobsBrowser::typingIndicator, (alice.username() + " is typing…")::equals);

		alicesBrowser.send("lo");
		eventually().until(bobsBrowser::messages, (shown) -> shown.size() == 1 && shown.get(0).contains("hello"));
		assertThat(bobsBrowser.typingIndicator()).isEmpty();
	}

	@Test
	void chatWorksOverSockJsWhereWebSocketIsNotUsed() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public", bob);
		Browser browser = browser();
		browser.signIn("/?transport=sockjs", alice.username(), TestClients.PASSWORD);

		browser.send("over http");
		eventually().until(browser::messages, (shown) -> shown.size() == 1 && shown.get(0).contains("over http")
				&& !shown.get(0).contains("Sending"));
		this.clients.post(bob, channel, "back over http");

		eventually().until(browser::messages, (shown) -> shown.size() == 2 && shown.get(0).contains("over http")
				&& shown.get(1).contains("back over http"));
		assertThat(browser.script("return performance.getEntriesByType('resource')"
				+ ".some((entry) => entry.name.includes('/sockjs/') && entry.name.includes('/xhr'))"))
			.isEqualTo(true);
	}

	@Test
	void markupInAMessageIsShownAsTextAndRunsNothing() {
		TestUser alice = this.clients.newUser();
		this.clients.createChannel(alice, "public");
		Browser browser = signedIn(alice);

		String markup = "<img src=x onerror=alert(1)>";
		browser.send("look " + markup);

		eventually().until(browser::messages, (shown) -> shown.size() == 1 && shown.get(0).contains(markup)
				&& shown.get(0).contains(alice.username()));
		assertThat(browser.messageLog().findElements(By.tagName("img"))).isEmpty();
		assertThat(browser.alertShown()).isFalse();
	}

	@Test
	void reloadKeepsTheSessionAndShowsHistory() {
		TestUser alice = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public");
		for (int i = 1; i <= 3; i++) {
			this.clients.post(alice, channel, "earlier " + i);
		}
		Browser browser = signedIn(alice);
		eventually().until(browser::messages, (shown) -> shown.size() == 3);

		browser.reload();

		eventually().until(browser::connectionStatus, "Connected"::equals);
		assertThat(browser.signInFormShown()).isFalse();
		eventually().until(browser::messages, (shown) -> shown.size() == 3 && shown.get(0).contains("earlier 1")
				&& shown.get(2).contains("earlier 3"));
	}

	@Test
	void afterADroppedConnectionEveryMissedMessageAppearsOnceAndInOrder() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public", bob);
		this.clients.post(bob, channel, "before the drop");
		Browser browser = signedIn(alice);
		eventually().until(browser::messages, (shown) -> shown.size() == 1);

		// The server closes every socket alice opens for a while, as a network that comes
		// and goes would, and bob posts meanwhile.
		ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
		try {
			dropper.scheduleAtFixedRate(() -> ConnectionDrops.dropConnectionsOf(this.context, alice.id()), 0, 20,
					TimeUnit.MILLISECONDS);
			eventually().until(browser::connectionStatus, "Reconnecting"::equals);
			for (int i = 1; i <= 5; i++) {
				this.clients.post(bob, channel, "missed " + i);
			}
		}
		finally {
			dropper.shutdownNow();
		}

		eventually().until(browser::connectionStatus, "Connected"::equals);
		eventually().until(browser::messages, (shown) -> shown.size() >= 6);
		List<String> shown = browser.messages();
		assertThat(shown).hasSize(6);
		assertThat(shown.get(0)).contains("before the drop");
		for (int i = 1; i <= 5; i++) {
			assertThat(shown.get(i)).contains(bob.username()).contains("missed " + i);
		}
	}

	@Test
	void aMessageWrittenWhileReconnectingIsSentOnceWhenBack() {
		TestUser alice = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public");
		Browser browser = signedIn(alice);

		ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
		try {
			dropper.scheduleAtFixedRate(() -> ConnectionDrops.dropConnectionsOf(this.context, alice.id()), 0, 20,
					TimeUnit.MILLISECONDS);
			eventually().until(browser::connectionStatus, "Reconnecting"::equals);
			browser.send("written offline");
			eventually().until(browser::messages, (shown) -> shown.size() == 1);
		}
		finally {
			dropper.shutdownNow();
		}

		eventually().until(browser::connectionStatus, "Connected"::equals);
		eventually().until(browser::messages, (shown) -> shown.size() == 1 && shown.get(0).contains("written offline")
				&& !shown.get(0).contains("Waiting"));
		assertThat(this.clients.messages(alice, channel, "sinceSeq=0").get("messages")).hasSize(1);
	}

	@Test
	void unreadMessagesInAnotherChannelShowOnItsLink() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		this.clients.createChannel(alice, "public", bob);
		this.clients.createChannel(alice, "public", bob);
		Browser browser = signedIn(alice);
		String open = eventually().until(browser::openChannelName, (name) -> !name.isEmpty());
		JsonNode other = StreamSupport.stream(this.clients.get(alice, "/api/channels").spliterator(), false)
			.filter((channel) -> !channel.get("name").asString().equals(open))
			.findFirst()
			.orElseThrow();
		String name = other.get("name").asString();

		this.clients.post(bob, other.get("id").asLong(), "one");
		this.clients.post(bob, other.get("id").asLong(), "two");

		eventually().until(browser::channelLinks,
				(links) -> links.stream().anyMatch((link) -> link.startsWith(name) && link.contains("2 unread")));
		browser.openChannel(name);
		eventually().until(browser::messages, (shown) -> shown.size() == 2);
		eventually().until(browser::channelLinks,
				(links) -> links.stream().noneMatch((link) -> link.contains("unread")));
	}

	@Test
	void aChannelSomeoneIsRemovedFromLeavesTheirSidebar() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long kept = this.clients.createChannel(alice, "public", bob);
		long removed = this.clients.createChannel(alice, "private", bob);
		String keptName = this.clients.get(bob, "/api/channels/" + kept).get("name").asString();
		String removedName = this.clients.get(bob, "/api/channels/" + removed).get("name").asString();
		Browser browser = signedIn(bob);
		eventually().until(browser::channelLinks, (links) -> links.size() == 2);

		this.clients.rest(alice)
			.delete()
			.uri("/api/channels/{id}/members/{userId}", removed, bob.id())
			.retrieve()
			.toBodilessEntity();

		eventually().until(browser::channelLinks, (links) -> links.size() == 1 && links.get(0).startsWith(keptName));
		assertThat(browser.channelLinks()).noneMatch((link) -> link.startsWith(removedName));
	}

	@Test
	void signOutForgetsTheTokenWhichNoCookieEverHeld() {
		TestUser alice = this.clients.newUser();
		this.clients.createChannel(alice, "public");
		Browser browser = signedIn(alice);
		String token = (String) browser
			.script("return JSON.parse(sessionStorage.getItem('switchboard.session')).token");
		assertThat(token).isNotBlank();
		assertThat(browser.cookies()).noneMatch((cookie) -> cookie.getValue().contains(token));

		browser.byRole("button", "Sign out").click();

		eventually().until(browser::signInFormShown);
		assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
		browser.reload();
		eventually().until(browser::signInFormShown);
	}

	@Test
	void editsAndDeletesMadeElsewhereShowLive() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public", bob);
		long first = this.clients.post(bob, channel, "frist");
		long second = this.clients.post(bob, channel, "regrettable");
		Browser browser = signedIn(alice);
		eventually().until(browser::messages, (shown) -> shown.size() == 2);

		this.clients.rest(bob)
			.patch()
			.uri("/api/messages/{id}", first)
			.body(Map.of("content", "first"))
			.retrieve()
			.toBodilessEntity();
		this.clients.rest(bob).delete().uri("/api/messages/{id}", second).retrieve().toBodilessEntity();

		eventually().until(browser::messages,
				(shown) -> shown.size() == 2 && shown.get(0).contains("first") && shown.get(0).contains("(edited)")
						&& shown.get(1).contains("This message was deleted.") && !shown.get(1).contains("regrettable"));
	}

	@Test
	void reactionsAreAddedAndTakenBackWithOthersCounted() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public", bob);
		long message = this.clients.post(bob, channel, "ship it?");
		Browser browser = signedIn(alice);
		eventually().until(browser::messages, (shown) -> shown.size() == 1);

		browser.byRole("button", "Add reaction").click();
		browser.byRole("button", "React with 👍").click();
		eventually().until(() -> browser.byRole("button", "👍 1").getAttribute("aria-pressed"), "true"::equals);
		this.clients.rest(bob)
			.post()
			.uri("/api/messages/{id}/reactions", message)
			.body(Map.of("emoji", "👍", "add", true))
			.retrieve()
			.toBodilessEntity();
		eventually().until(() -> browser.byRole("button", "👍 2").isDisplayed());

		browser.byRole("button", "👍 2").click();

		eventually().until(() -> browser.byRole("button", "👍 1").getAttribute("aria-pressed"), "false"::equals);
		JsonNode reactions = this.clients.get(alice, "/api/messages/" + message).get("reactions");
		assertThat(reactions).hasSize(1);
		assertThat(reactions.get(0).get("userIds").get(0).asLong()).isEqualTo(bob.id());
	}

	@Test
	void olderMessagesLoadPageByPage() {
		TestUser alice = this.clients.newUser();
		List<TestUser> posters = List.of(this.clients.newUser(), this.clients.newUser(), this.clients.newUser());
		long channel = this.clients.createChannel(alice, "public", posters.toArray(TestUser[]::new));
		// Three posters, each within the REST write limit of 20 a second.
		for (int i = 1; i <= 57; i++) {
			this.clients.post(posters.get((i - 1) / 19), channel, "number " + i);
		}
		Browser browser = signedIn(alice);
		eventually().until(browser::messages, (shown) -> shown.size() == 50);
		assertThat(browser.messages().get(0)).contains("number 8");

		browser.byRole("button", "Load older messages").click();

		eventually().until(browser::messages, (shown) -> shown.size() == 57);
		List<String> shown = browser.messages();
		for (int i = 1; i <= 57; i++) {
			assertThat(shown.get(i - 1)).containsPattern("number " + i + "(?!\\d)");
		}
	}

	private Browser signedIn(TestUser user) {
		return browser().signIn(user.username(), TestClients.PASSWORD);
	}

	private Browser browser() {
		return browsers.browser(this.clients.port());
	}

}
