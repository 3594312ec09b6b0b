package io.switchboard.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static io.switchboard.web.Browser.eventually;

/**
 * The web client's announcements banner, notifications inbox and toasts, settings, and
 * admin screens, in a real headless Chromium against the whole server. Each test walks
 * through several features with one browser (or one pair) to keep the browser time low;
 * preconditions are set up over the API.
 */
@ServerTest
@NeedsChromium
class WebClientInboxAdminBrowserTests {

	@RegisterExtension
	static final BrowserPool browsers = new BrowserPool();

	@Autowired
	TestClients clients;

	@Test
	void anAdminsAnnouncementAndMuteReachAMemberLive() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser member = this.clients.newUser();
		long channel = this.clients.createChannel(admin, "public", member);
		this.clients.post(member, channel, "hello admins");
		Browser membersBrowser = signedIn(member);
		Browser adminsBrowser = signedIn(admin);
		assertThat(membersBrowser
			.script("return [...document.querySelectorAll('button')]" + ".some((b) => b.textContent === 'Admin')"))
			.isEqualTo(false);

		String title = "Maintenance " + admin.username();
		adminsBrowser.byRole("button", "Admin").click();
		adminsBrowser.expand("Post an announcement");
		adminsBrowser.field("Title").sendKeys(title);
		adminsBrowser.field("Text").sendKeys("Back at <b>noon</b>");
		adminsBrowser.byRole("button", "Post announcement").click();

		eventually().until(() -> membersBrowser.byRole("region", "Announcements").getText(),
				(text) -> text.contains(title) && text.contains("Back at <b>noon</b>"));
		membersBrowser.byRole("button", "Dismiss announcement: " + title).click();
		// The banner goes when nothing is left in it.
		eventually().until(() -> membersBrowser.script("return document.querySelector('.announcements').innerText"),
				(text) -> !String.valueOf(text).contains(title));
		eventually().until(() -> this.clients.get(member, "/api/me/settings").get("dismissedAnnouncements"),
				(dismissed) -> dismissed != null && dismissed.size() >= 1);

		adminsBrowser.byRole("button", "Close").click();
		eventually().until(adminsBrowser::messages, (shown) -> shown.size() == 1);
		adminsBrowser.byRole("button", "Moderate message from " + member.username()).click();
		adminsBrowser.byRole("button", "Mute " + member.username()).click();
		eventually().until(() -> this.clients.get(admin, "/api/channels/" + channel + "/mutes"),
				(mutes) -> mutes.size() == 1 && mutes.get(0).get("user").get("id").asLong() == member.id());

		membersBrowser.send("am I heard?");
		eventually().until(membersBrowser::messages, (shown) -> shown.size() == 2
				&& shown.get(1).contains("am I heard?") && shown.get(1).contains("Not sent"));
		assertThat(this.clients.messages(admin, channel, "sinceSeq=0").get("messages")).hasSize(1);
		assertThat(this.clients.get(admin, "/api/audit?limit=100"))
			.anyMatch((entry) -> entry.get("action").asString().equals("muted")
					&& entry.get("target").get("id").asLong() == member.id());
	}

	@Test
	void aTradeNotificationShowsAsAToastAndWaitsInTheInboxUntilRead() {
		TestUser trader = this.clients.newUser();
		TestUser publisher = this.clients.newUser(Role.PUBLISHER);
		this.clients.createChannel(trader, "public");
		publish(publisher, trader, "system", "Welcome aboard");
		Browser browser = signedIn(trader);
		eventually().until(() -> browser.byRoleNameStarting("button", "Notifications").getAccessibleName(),
				"Notifications, 1 unread"::equals);

		publish(publisher, trader, "trade", "Order filled");

		WebElement dismiss = eventually().until(() -> browser.byRole("button", "Dismiss: Order filled"),
				Objects::nonNull);
		// A toast stays while it has the focus, as for someone who went to it with Tab.
		browser.script("arguments[0].focus()", dismiss);
		assertThat(browser.byRole("status", "Live notifications").getText()).contains("Order filled")
			.contains("100 ACME at 12.5");
		eventually().until(() -> browser.byRoleNameStarting("button", "Notifications").getAccessibleName(),
				"Notifications, 2 unread"::equals);
		dismiss.click();
		eventually().until(() -> browser.script("return document.querySelectorAll('.toast').length"),
				Long.valueOf(0)::equals);

		browser.byRole("button", "Notifications, 2 unread").click();
		String inbox = eventually().until(() -> browser.byRole("dialog", "Notifications").getText(),
				(text) -> text.contains("Order filled") && text.contains("Welcome aboard"));
		assertThat(inbox.indexOf("Order filled")).isLessThan(inbox.indexOf("Welcome aboard"));
		browser.byRole("button", "Mark read: Order filled").click();

		eventually().until(() -> browser.byRoleNameStarting("button", "Notifications").getAccessibleName(),
				"Notifications, 1 unread"::equals);
		eventually().until(() -> this.clients.get(trader, "/api/notifications?unreadOnly=true").get("notifications"),
				(unread) -> unread.size() == 1 && unread.get(0).get("title").asString().equals("Welcome aboard"));
		browser.byRole("button", "Mark all read").click();
		eventually().until(() -> browser.byRoleNameStarting("button", "Notifications").getAccessibleName(),
				"Notifications"::equals);
		eventually().until(() -> this.clients.get(trader, "/api/notifications?unreadOnly=true").get("notifications"),
				JsonNode::isEmpty);
	}

	@Test
	void themeCompactModeAndChannelLevelOutliveAReload() {
		TestUser alice = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public");
		this.clients.rest(alice)
			.put()
			.uri("/api/me/settings")
			.body(Map.of("theme", "dark", "keptByAnotherClient", 7))
			.retrieve()
			.toBodilessEntity();
		Browser browser = signedIn(alice);
		assertThat(browser.rootClasses()).contains("theme-dark").doesNotContain("compact");

		browser.byRole("button", "Settings").click();
		browser.byRole("radio", "Light").click();
		browser.byRole("checkbox", "Compact mode").click();
		eventually().until(() -> browser.byRole("combobox", "Notify me of").isEnabled());
		new Select(browser.byRole("combobox", "Notify me of")).selectByVisibleText("Mentions only");
		assertThat(browser.rootClasses()).contains("theme-light").contains("compact");
		eventually().until(() -> this.clients.get(alice, "/api/me/settings"),
				(settings) -> "light".equals(settings.path("theme").asString(null))
						&& settings.path("compact").asBoolean(false));
		eventually().until(() -> StreamSupport.stream(this.clients.get(alice, "/api/channels").spliterator(), false)
			.filter((c) -> c.get("id").asLong() == channel)
			.findFirst()
			.orElseThrow()
			.get("notifications")
			.asString(), "mentions"::equals);

		browser.reload();

		eventually().until(browser::connectionStatus, "Connected"::equals);
		assertThat(browser.rootClasses()).contains("theme-light").contains("compact");
		browser.byRole("button", "Settings").click();
		assertThat(browser.byRole("radio", "Light").isSelected()).isTrue();
		assertThat(browser.byRole("checkbox", "Compact mode").isSelected()).isTrue();
		eventually().until(
				() -> new Select(browser.byRole("combobox", "Notify me of")).getFirstSelectedOption().getText(),
				"Mentions only"::equals);
		assertThat(this.clients.get(alice, "/api/me/settings").get("keptByAnotherClient").asInt()).isEqualTo(7);
	}

	private void publish(TestUser publisher, TestUser recipient, String kind, String title) {
		this.clients.rest(publisher)
			.post()
			.uri("/api/notifications")
			.body(Map.of("recipients", List.of(recipient.id()), "kind", kind, "title", title, "body",
					"trade".equals(kind) ? "100 ACME at 12.5" : "Glad to have you"))
			.retrieve()
			.toBodilessEntity();
	}

	private Browser signedIn(TestUser user) {
		return browser().signIn(user.username(), TestClients.PASSWORD);
	}

	private Browser browser() {
		return browsers.browser(this.clients.port());
	}

}
