package io.switchboard.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static io.switchboard.web.Browser.eventually;

/**
 * Messages in the web client, with two people in two real browsers: threads, editing and
 * deleting, the Markdown subset, mentions, emoji and files. Each test walks through
 * several features with one signed-in pair, since starting and signing in a browser is
 * what costs.
 */
@ServerTest
@NeedsChromium
class WebClientMessagesBrowserTests {

	@Autowired
	TestClients clients;

	@RegisterExtension
	static final BrowserPool browsers = new BrowserPool();

	@Test
	void aReplyInAThreadShowsLiveInTheOtherPersonsOpenThreadAndCountsInTheList(@TempDir Path files) throws IOException {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public", bob);
		this.clients.post(bob, channel, "lunch on friday?");
		Browser alicesBrowser = signedIn(alice);
		Browser bobsBrowser = signedIn(bob);
		eventually().until(bobsBrowser::messages, (shown) -> shown.size() == 1);
		bobsBrowser.byRole("button", "Reply in thread").click();
		eventually().until(bobsBrowser::threadMessages, (shown) -> shown.size() == 1);

		eventually().until(alicesBrowser::messages, (shown) -> shown.size() == 1);
		alicesBrowser.byRole("button", "Reply in thread").click();
		assertThat(alicesBrowser.focused().getAccessibleName()).isEqualTo("Reply");
		// Over the server's 4,000 characters, the box says so at once and keeps the text;
		// the composer likewise, and neither sends anything.
		overTheLimit(alicesBrowser, "reply-input");
		eventually().until(() -> alicesBrowser.script("return document.getElementById('reply-hint').textContent"),
				"A reply is at most 4000 characters."::equals);
		overTheLimit(alicesBrowser, "message-input");
		eventually().until(() -> alicesBrowser.script("return document.getElementById('composer-hint').textContent"),
				"A message is at most 4000 characters."::equals);
		assertThat(alicesBrowser.messages()).hasSize(1);
		alicesBrowser.script("document.getElementById('reply-input').value = ''");
		alicesBrowser.field("Reply").sendKeys("friday works", Keys.ENTER);

		eventually().until(bobsBrowser::threadMessages, (shown) -> shown.size() == 2
				&& shown.get(0).contains("lunch on friday?") && shown.get(1).contains("friday works"));
		assertThat(bobsBrowser.threadMessages().get(1)).contains(alice.username());
		eventually().until(() -> bobsBrowser.byRole("button", "1 reply").isDisplayed());
		assertThat(bobsBrowser.messages()).hasSize(1).noneMatch((text) -> text.contains("friday works"));
		JsonNode replies = this.clients.get(bob, "/api/messages/"
				+ this.clients.messages(bob, channel, "sinceSeq=0").get("messages").get(0).get("id") + "/replies");
		assertThat(replies.get("messages")).hasSize(1);

		// A reply carries files as a message does; with no text, their names are its
		// text.
		Path menu = files.resolve("menu.txt");
		Files.writeString(menu, "soup");
		alicesBrowser.attachToReply(menu);
		eventually().until(() -> alicesBrowser.byRole("button", "Remove menu.txt").isDisplayed());
		alicesBrowser.field("Reply").sendKeys(Keys.ENTER);
		eventually().until(bobsBrowser::threadMessages,
				(shown) -> shown.size() == 3 && shown.get(2).contains("menu.txt"));
		assertThat(Browser.byRole(bobsBrowser.byRole("log", "Thread"), "link", "Download menu.txt").isDisplayed())
			.isTrue();
		eventually().until(() -> bobsBrowser.byRole("button", "2 replies").isDisplayed());

		// Escape closes the panel and gives the focus back to the message's thread
		// control.
		alicesBrowser.field("Reply").sendKeys(Keys.ESCAPE);
		eventually().until(() -> alicesBrowser.script("return document.getElementById('thread').hidden"),
				Boolean.TRUE::equals);
		assertThat(alicesBrowser.focused().getAccessibleName()).isIn("2 replies", "Reply in thread");
	}

	private static void overTheLimit(Browser browser, String box) {
		browser.script("document.getElementById(arguments[0]).value = 'x'.repeat(4001)", box);
		browser.byRole("textbox", "reply-input".equals(box) ? "Reply" : "Message").sendKeys(Keys.ENTER);
	}

	@Test
	void ownMessagesAreEditedAndDeletedInPlaceWithMarkdownShownSafely() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		String badge = giveBadge(alice, "#2e7d32");
		long channel = this.clients.createChannel(alice, "public", bob);
		this.clients.post(alice, channel, "frist");
		this.clients.post(alice, channel, "regrettable");
		this.clients.post(bob, channel, "not yours");
		Browser alicesBrowser = signedIn(alice);
		Browser bobsBrowser = signedIn(bob);
		eventually().until(alicesBrowser::messages, (shown) -> shown.size() == 3);
		eventually().until(bobsBrowser::messages, (shown) -> shown.size() == 3);
		assertThat(alicesBrowser.article("not yours").findElements(By.cssSelector(".edit-button"))).isEmpty();
		WebElement badged = bobsBrowser.article("frist").findElement(By.cssSelector(".sender-badge"));
		assertThat(badged.getText()).isEqualTo(badge);
		assertThat(badged.findElement(By.cssSelector(".badge-dot")).getCssValue("background-color"))
			.isEqualTo("rgba(46, 125, 50, 1)");

		Browser.byRole(alicesBrowser.article("frist"), "button", "Edit message").click();
		WebElement editor = alicesBrowser.field("Edit message");
		assertThat(alicesBrowser.focused()).isEqualTo(editor);
		editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE,
				"first is **bold**, see https://example.com/plan and <b>x</b>", Keys.ENTER);

		eventually().until(() -> bobsBrowser.article("first is bold").getText().contains("(edited)"));
		WebElement edited = bobsBrowser.article("first is bold");
		assertThat(edited.findElement(By.tagName("strong")).getText()).isEqualTo("bold");
		WebElement link = Browser.byRole(edited, "link", "https://example.com/plan");
		assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
		assertThat(link.getAttribute("target")).isEqualTo("_blank");
		assertThat(edited.getText()).contains("<b>x</b>");
		assertThat(edited.findElements(By.tagName("b"))).isEmpty();

		Browser.byRole(alicesBrowser.article("regrettable"), "button", "Delete message").click();
		Browser.byRole(alicesBrowser.article("regrettable"), "button", "Confirm delete").click();
		eventually().until(bobsBrowser::messages,
				(shown) -> shown.get(1).contains("This message was deleted.") && !shown.get(1).contains("regrettable"));

		// Reactions come from the full picker: found by name, remembered as recent.
		Browser.byRole(bobsBrowser.article("first is bold"), "button", "Add reaction").click();
		bobsBrowser.byRole("searchbox", "Search emoji").sendKeys("rocket", Keys.ENTER);
		eventually().until(() -> alicesBrowser.byRole("button", "🚀 1").isDisplayed());
		Browser.byRole(bobsBrowser.article("not yours"), "button", "Add reaction").click();
		assertThat(bobsBrowser.focused().getAccessibleName()).isEqualTo("Search emoji");
		WebElement first = bobsBrowser.focused().findElement(By.xpath("following-sibling::div//button[1]"));
		assertThat(first.getAccessibleName()).isEqualTo("React with 🚀");
		bobsBrowser.focused().sendKeys(Keys.ESCAPE);
		assertThat(bobsBrowser.focused().getAccessibleName()).isEqualTo("Add reaction");
	}

	@Test
	void aMentionIsChosenFromSuggestionsAndAnImageIsPreviewedForTheOther(@TempDir Path files) throws IOException {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		this.clients.createChannel(alice, "public", bob);
		Browser alicesBrowser = signedIn(alice);
		Browser bobsBrowser = signedIn(bob);

		alicesBrowser.type("hi @" + bob.username().substring(0, bob.username().length() - 1));
		WebElement suggestions = eventually().until(() -> alicesBrowser.byRole("listbox", "People to mention"),
				(list) -> list.getText().contains(bob.username()));
		assertThat(suggestions.findElements(By.cssSelector("[role=option]"))).hasSize(1);
		alicesBrowser.field("Message").sendKeys(Keys.ENTER);
		assertThat(alicesBrowser.field("Message").getAttribute("value")).isEqualTo("hi @" + bob.username() + " ");
		alicesBrowser.send("");
		eventually().until(bobsBrowser::messages, (shown) -> shown.size() == 1);
		WebElement mention = bobsBrowser.article("hi @" + bob.username());
		assertThat(mention.getAttribute("class")).contains("mentions-me");
		assertThat(mention.findElement(By.cssSelector(".mention.me")).getText()).isEqualTo("@" + bob.username());

		Path image = files.resolve("dot.png");
		ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
		alicesBrowser.attach(image);
		eventually().until(() -> alicesBrowser.byRole("button", "Remove dot.png").isDisplayed());
		alicesBrowser.send("the plan");

		eventually().until(bobsBrowser::messages, (shown) -> shown.size() == 2);
		WebElement withFile = bobsBrowser.article("the plan");
		eventually().until(
				() -> withFile.findElement(By.cssSelector("img[alt='dot.png']")).getAttribute("naturalWidth"),
				"3"::equals);
		assertThat(withFile.findElement(By.tagName("img")).getAttribute("src")).startsWith("blob:");
		assertThat(Browser.byRole(withFile, "link", "Download dot.png").isDisplayed()).isTrue();
	}

	/** Defines a badge and gives it to the user; returns its name. */
	private String giveBadge(TestUser user, String color) {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		String name = "crew-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		long badge = this.clients.rest(admin)
			.post()
			.uri("/api/admin/badges")
			.body(Map.of("name", name, "color", color, "priority", 1))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
		this.clients.rest(admin)
			.put()
			.uri("/api/admin/users/{id}/badges", user.id())
			.body(Map.of("badgeIds", List.of(badge)))
			.retrieve()
			.toBodilessEntity();
		return name;
	}

	private Browser signedIn(TestUser user) {
		return browser().signIn(user.username(), TestClients.PASSWORD);
	}

	private Browser browser() {
		return browsers.browser(this.clients.port());
	}

}
