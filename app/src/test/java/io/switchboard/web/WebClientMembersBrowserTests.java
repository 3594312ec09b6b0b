package io.switchboard.web;

import java.util.List;
import java.util.Objects;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static io.switchboard.web.Browser.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open channel's members in the web client, in a real headless Chromium against the
 * whole server: the list with roles, adding someone, changing a role, live on the other
 * side, with the keyboard and on a phone-sized screen.
 */
@ServerTest
@NeedsChromium
class WebClientMembersBrowserTests {

	@Autowired
	TestClients clients;

	@Test
	void channelAdminAddsSomeoneAndMakesThemModeratorWhileTheySeeItLive() {
		TestUser alice = this.clients.newUser();
		TestUser bob = this.clients.newUser();
		long channelId = this.clients.createChannel(alice, "private");
		try (Browser alicesBrowser = Browser.open(this.clients.port());
				Browser bobsBrowser = Browser.open(this.clients.port())) {
			alicesBrowser.signIn("/#channel/" + channelId, alice.username(), TestClients.PASSWORD);
			alicesBrowser.byRole("button", "Members").click();
			WebElement alicesPanel = alicesBrowser.byRole("dialog", "Members");
			eventually().until(() -> members(alicesPanel), (rows) -> rows.size() == 1
					&& rows.get(0).contains(alice.username()) && rows.get(0).contains("admin"));

			alicesBrowser.field("Add people").sendKeys(bob.username());
			eventually().until(() -> alicesBrowser.byRole("button", "Add " + bob.username()), Objects::nonNull).click();
			eventually().until(() -> members(alicesPanel),
					(rows) -> rows.size() == 2 && rows.stream().anyMatch((row) -> row.contains(bob.username())));

			bobsBrowser.resize(390, 800);
			bobsBrowser.signIn("/#channel/" + channelId, bob.username(), TestClients.PASSWORD);
			WebElement membersButton = bobsBrowser.byRole("button", "Members");
			membersButton.click();
			WebElement bobsPanel = bobsBrowser.byRole("dialog", "Members");
			eventually().until(() -> members(bobsPanel), (rows) -> rows.size() == 2
					&& row(rows, alice).contains("admin") && row(rows, bob).contains("member"));
			// Bob is a plain member: nothing to add people or change roles with.
			assertThat(bobsPanel.findElement(By.id("members-add")).isDisplayed()).isFalse();

			new Select(alicesBrowser.byRole("combobox", "Role of " + bob.username())).selectByValue("moderator");
			eventually().until(() -> row(members(bobsPanel), bob), (text) -> text.contains("moderator"));
			assertThat(this.clients.get(bob, "/api/channels/" + channelId + "/members?query=" + bob.username())
				.get(0)
				.get("role")
				.asString()).isEqualTo("moderator");

			// The message menu's moderation actions, for any member, from the list.
			alicesBrowser.byRole("button", "Moderate " + bob.username()).click();
			alicesBrowser.byRole("button", "Mute " + bob.username()).click();
			eventually().until(() -> alicesPanel.findElement(By.id("members-status")).getText(),
					(text) -> text.equals(bob.username() + " is muted."));

			bobsBrowser.press(Keys.ESCAPE);
			eventually().until(() -> !bobsPanel.isDisplayed());
			assertThat(bobsBrowser.focused()).isEqualTo(membersButton);
		}
	}

	private static List<String> members(WebElement panel) {
		return panel.findElement(By.id("members-list"))
			.findElements(By.tagName("li"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static String row(List<String> rows, TestUser user) {
		return rows.stream().filter((text) -> text.startsWith(user.username())).findFirst().orElse("");
	}

}
