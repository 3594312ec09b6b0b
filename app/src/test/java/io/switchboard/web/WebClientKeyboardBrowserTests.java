package io.switchboard.web;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.switchboard.web.Browser.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client with the keyboard alone: from signing in to moderating, every step by
 * Tab, Shift+Tab, Enter, the arrow keys and Escape, never a click.
 */
@ServerTest
@NeedsChromium
class WebClientKeyboardBrowserTests {

	private static final boolean FORWARD = false;

	private static final boolean BACK = true;

	@Autowired
	TestClients clients;

	@RegisterExtension
	static final BrowserPool browsers = new BrowserPool();

	@Test
	void aPersonWithoutAMouseChatsReactsRepliesEditsAndModerates() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		this.clients.createChannel(alice, "public");
		long channel = this.clients.createChannel(alice, "public", bob);
		String channelName = this.clients.get(alice, "/api/channels/" + channel).get("name").asString();
		Browser browser = browsers.browser(this.clients.port()).visit("/");

		// Signing in: the form has the focus.
		assertThat(browser.focused().getAccessibleName()).isEqualTo("Username");
		browser.press(alice.username());
		browser.press(Keys.TAB);
		browser.press(TestClients.PASSWORD);
		browser.press(Keys.ENTER);
		eventually().until(browser::connectionStatus, "Connected"::equals);

		// Another channel, from the sidebar.
		browser.tabTo("link", channelName, BACK).sendKeys(Keys.ENTER);
		eventually().until(browser::openChannelName, channelName::equals);
		WebElement composer = browser.tabTo("textbox", "Message", FORWARD);
		composer.sendKeys("typed without a mouse");
		composer.sendKeys(Keys.ENTER);
		WebElement sent = browser.article("typed without a mouse");
		eventually().until(() -> !sent.getText().contains("Sending"));

		// A reaction from the emoji picker: search, then the arrow keys.
		browser.tabTo("button", "Add reaction", BACK).sendKeys(Keys.ENTER);
		assertThat(browser.focused().getAccessibleName()).isEqualTo("Search emoji");
		browser.press("thumbs");
		browser.press(Keys.ARROW_DOWN);
		assertThat(browser.focused().getAccessibleName()).isEqualTo("React with 👍");
		browser.press(Keys.ENTER);
		eventually().until(() -> browser.article("typed without a mouse").getText(), (text) -> text.contains("👍 1"));

		// A reply in the thread panel, which Escape closes.
		browser.tabTo("button", "Reply in thread", BACK).sendKeys(Keys.ENTER);
		assertThat(browser.focused().getAccessibleName()).isEqualTo("Reply");
		browser.press("a keyboard reply");
		browser.press(Keys.ENTER);
		eventually().until(browser::threadMessages,
				(shown) -> shown.size() == 2 && shown.get(1).contains("a keyboard reply"));
		browser.press(Keys.ESCAPE);
		eventually().until(() -> browser.focused().getAccessibleName(), "1 reply"::equals);

		// An edit in place: Enter saves.
		browser.tabTo("button", "Edit message", FORWARD).sendKeys(Keys.ENTER);
		assertThat(browser.focused().getAccessibleName()).isEqualTo("Edit message");
		browser.press(Keys.END);
		browser.press(", edited too");
		browser.press(Keys.ENTER);
		eventually().until(() -> browser.article("typed without a mouse").getText(),
				(text) -> text.contains("typed without a mouse, edited too") && text.contains("(edited)"));

		// The Members dialog: Escape folds a member's moderation actions away first, and
		// only then closes the dialog, giving the focus back to what opened it.
		WebElement membersButton = browser.tabTo("button", "Members", BACK);
		membersButton.sendKeys(Keys.ENTER);
		WebElement dialog = browser.byRole("dialog", "Members");
		eventually().until(() -> dialog.findElements(By.cssSelector("#members-list li")).size() == 2);
		WebElement moderate = browser.tabTo("button", "Moderate " + bob.username(), FORWARD);
		moderate.sendKeys(Keys.ENTER);
		assertThat(browser.focused().getAccessibleName()).startsWith("Mute " + bob.username());
		browser.press(Keys.ESCAPE);
		assertThat(moderate.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.focused()).isEqualTo(moderate);
		assertThat(dialog.isDisplayed()).isTrue();
		browser.press(Keys.ESCAPE);
		eventually().until(() -> !dialog.isDisplayed());
		assertThat(browser.focused()).isEqualTo(membersButton);

		JsonNode message = this.clients.messages(bob, channel, "sinceSeq=0")
			.get("messages")
			.valueStream()
			.filter((each) -> each.get("replyToId").isNull())
			.findFirst()
			.orElseThrow();
		assertThat(message.get("content").asString()).isEqualTo("typed without a mouse, edited too");
		assertThat(message.get("reactions").get(0).get("emoji").asString()).isEqualTo("👍");
		assertThat(message.get("threadReplyCount").asInt()).isEqualTo(1);
	}

}
