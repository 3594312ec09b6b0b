package io.switchboard.web;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.switchboard.test.StompClient;
import io.switchboard.test.TestClients;
import io.switchboard.test.ServerTest;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static io.switchboard.web.Browser.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sidebar's channels and conversations, the channel dialogs, the directory, presence,
 * read receipts and the narrow screen, in a real headless Chromium against the whole
 * server. Preconditions are set up over the API; what a person does goes through the
 * page, found by role and accessible name.
 */
@ServerTest
@NeedsChromium
class WebClientConversationsBrowserTests {

	@Autowired
	TestClients clients;

	/** Browsers the tests before left behind, wiped: starting Chromium costs seconds. */
	@RegisterExtension
	static final BrowserPool browsers = new BrowserPool();

	@Test
	void aChannelCreatedInTheDialogIsBrowsedAndJoinedByAnother() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		this.clients.createChannel(alice, "public");
		this.clients.createChannel(bob, "public");
		Browser alicesBrowser = signedIn(alice);
		Browser bobsBrowser = signedIn(bob);

		// Escape closes a dialog and the focus goes back to what opened it.
		alicesBrowser.byRole("button", "Create channel").click();
		eventually().until(() -> alicesBrowser.byRole("dialog", "Create a channel").isDisplayed());
		assertThat(alicesBrowser.focused().getAccessibleName()).isEqualTo("Name");
		alicesBrowser.press(Keys.ESCAPE);
		eventually().until(() -> alicesBrowser.focused().getAccessibleName(), "Create channel"::equals);
		assertThat(alicesBrowser.script("return document.querySelector('dialog[open]')")).isNull();

		// The server's refusal shows in the dialog, which stays open to correct it.
		alicesBrowser.byRole("button", "Create channel").click();
		alicesBrowser.byRole("button", "Create").click();
		eventually().until(() -> alicesBrowser.byRole("dialog", "Create a channel").getText(),
				(text) -> text.contains("name: must not be blank"));
		String name = "plans-" + alice.username();
		alicesBrowser.field("Name").sendKeys(name);
		alicesBrowser.field("Description").sendKeys("where we plan");
		alicesBrowser.byRole("button", "Create").click();
		eventually().until(alicesBrowser::openChannelName, name::equals);
		assertThat(alicesBrowser.channelLinks()).anyMatch((link) -> link.startsWith(name));
		alicesBrowser.send("plans start here");

		bobsBrowser.byRole("button", "Browse channels").click();
		bobsBrowser.field("Filter channels").sendKeys(name);
		eventually().until(() -> bobsBrowser.byRole("dialog", "Browse channels").getText(),
				(text) -> text.contains("where we plan"));
		bobsBrowser.byRole("button", "Join " + name).click();

		eventually().until(bobsBrowser::openChannelName, name::equals);
		eventually().until(bobsBrowser::messages, (shown) -> shown.size() == 1
				&& shown.get(0).contains(alice.username()) && shown.get(0).contains("plans start here"));
		assertThat(bobsBrowser.channelLinks()).anyMatch((link) -> link.startsWith(name));
		assertThat(bobsBrowser.focused().getAccessibleName()).isEqualTo("Message");
		assertThat(this.clients.get(bob, "/api/channels"))
			.anyMatch((channel) -> channel.get("name").asString().equals(name));
	}

	@Test
	void aConversationStartedFromTheDirectoryReachesTheOtherLiveWithPresenceAndReceipts() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		TestUser carol = this.clients.newUser();
		this.clients.createChannel(alice, "public", bob);
		this.clients.direct(alice, carol);
		Browser alicesBrowser = signedIn(alice);
		Browser bobsBrowser = signedIn(bob);

		// carol's dot: offline, online while a client of hers is connected, offline
		// after.
		eventually().until(alicesBrowser::channelLinks, (links) -> hasLink(links, carol.username(), "offline"));
		try (StompClient carols = this.clients.connect(carol)) {
			eventually().until(alicesBrowser::channelLinks, (links) -> hasLink(links, carol.username(), "online"));
		}
		eventually().until(alicesBrowser::channelLinks, (links) -> hasLink(links, carol.username(), "offline"));

		alicesBrowser.byRole("button", "New conversation").click();
		alicesBrowser.field("Find people").sendKeys(bob.username());
		// The list is drawn again as presence arrives: each try finds the checkbox anew.
		eventually().until(() -> {
			WebElement box = alicesBrowser.byRole("checkbox", named(bob.username()));
			if (box.getAccessibleName().contains("online") && !box.isSelected()) {
				box.click();
			}
			return alicesBrowser.byRole("checkbox", named(bob.username())).isSelected();
		});
		alicesBrowser.byRole("button", "Start conversation").click();
		eventually().until(alicesBrowser::channelLinks, (links) -> hasLink(links, bob.username(), "online"));
		eventually().until(() -> alicesBrowser.focused().getAccessibleName(), "Message"::equals);
		alicesBrowser.send("hi bob");

		eventually().until(bobsBrowser::channelLinks,
				(links) -> hasLink(links, alice.username(), "online", "1 unread"));
		bobsBrowser.openChannel(alice.username());
		eventually().until(bobsBrowser::messages, (shown) -> shown.size() == 1 && shown.get(0).contains("hi bob"));

		// bob has read it: alice sees so under her message.
		eventually().until(alicesBrowser::messages, (shown) -> shown.size() == 1 && shown.get(0).contains("Seen"));
		bobsBrowser.send("hi alice");
		eventually().until(alicesBrowser::messages, (shown) -> shown.size() == 2
				&& shown.get(1).contains(bob.username()) && shown.get(1).contains("hi alice"));
		eventually().until(bobsBrowser::messages, (shown) -> shown.size() == 2 && shown.get(1).contains("Seen"));

		// What was read before the page loaded shows too.
		alicesBrowser.reload();
		eventually().until(alicesBrowser::messages,
				(shown) -> shown.size() == 2 && shown.get(0).contains("Seen") && !shown.get(1).contains("Seen"));
	}

	@Test
	void onANarrowScreenTheChannelsButtonShowsTheSidebar() {
		TestUser alice = this.clients.newUser();
		long first = this.clients.createChannel(alice, "public");
		long second = this.clients.createChannel(alice, "public");
		String firstName = this.clients.get(alice, "/api/channels/" + first).get("name").asString();
		String secondName = this.clients.get(alice, "/api/channels/" + second).get("name").asString();
		Browser browser = browser();
		browser.resize(390, 800);
		browser.signIn(alice.username(), TestClients.PASSWORD);
		String open = eventually().until(browser::openChannelName, (name) -> !name.isEmpty());
		String other = open.equals(firstName) ? secondName : firstName;
		assertThat(browser.navigationShown()).isFalse();
		WebElement toggle = browser.byRole("button", "Channels");
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");

		toggle.click();
		assertThat(browser.navigationShown()).isTrue();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(browser.focused().getAccessibleName()).startsWith(open);
		browser.press(Keys.ESCAPE);
		assertThat(browser.navigationShown()).isFalse();
		assertThat(browser.focused().getAccessibleName()).isEqualTo("Channels");

		browser.press(Keys.ENTER);
		assertThat(browser.navigationShown()).isTrue();
		browser.openChannel(other);
		eventually().until(browser::openChannelName, other::equals);
		assertThat(browser.navigationShown()).isFalse();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.focused().getAccessibleName()).isEqualTo("Message");
		browser.send("from the phone");
		eventually().until(browser::messages, (shown) -> shown.size() == 1 && shown.get(0).contains("from the phone")
				&& !shown.get(0).contains("Sending"));
		assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
	}

	/**
	 * Whether a link's name starts with the name and says each of the words ("offline"
	 * does not contain "online").
	 */
	private static boolean hasLink(List<String> links, String name, String... words) {
		return links.stream()
			.anyMatch((link) -> named(name).test(link) && List.of(words).stream().allMatch(link::contains));
	}

	/**
	 * An accessible name that is the name, or starts with it and a comma (Chromium may
	 * put a space between the parts).
	 */
	private static Predicate<String> named(String name) {
		return (accessibleName) -> accessibleName.matches(Pattern.quote(name) + "(\\s*,.*)?");
	}

	private Browser signedIn(TestUser user) {
		return browser().signIn(user.username(), TestClients.PASSWORD);
	}

	private Browser browser() {
		return browsers.browser(this.clients.port());
	}

}
