package io.switchboard.web;

import java.util.List;
import java.util.Map;

import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import io.switchboard.user.Role;
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
 * The Admin dialog's accounts, badges and audit log, in a real headless Chromium against
 * the whole server: what an ADMIN does there takes effect on the server, and what the
 * server refuses shows in the dialog in the server's words.
 */
@ServerTest
@NeedsChromium
class WebClientAdminBrowserTests {

	private static final String NEW_PASSWORD = "a fine new password";

	@RegisterExtension
	static final BrowserPool browsers = new BrowserPool();

	@Autowired
	TestClients clients;

	@Test
	void anAdminCreatesFindsDisablesAndEnablesAnAccountAndHearsWhyADuplicateIsRefused() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		this.clients.createChannel(admin, "public");
		Browser browser = signedIn(admin);
		WebElement dialog = openAdminSection(browser, "Users");
		String username = "made-" + admin.id();

		createAccount(browser, username);
		eventually().until(dialog::getText, (text) -> text.contains(username + " was created."));
		JsonNode created = account(admin, username);
		assertThat(created.get("roles").valueStream().map(JsonNode::asString)).containsExactly("MODERATOR");
		assertThat(created.get("displayName").asString()).isEqualTo("Made Here");
		assertThat(TestClients.status(this.clients.signIn(username, NEW_PASSWORD))).isEqualTo(200);

		createAccount(browser, username);
		eventually().until(dialog::getText,
				(text) -> text.contains("Refused: the user name '" + username + "' is taken"));

		browser.byRole("searchbox", "Find accounts").sendKeys(username, Keys.ENTER);
		eventually().until(() -> accountRows(dialog), (rows) -> rows.size() == 1 && rows.get(0).contains(username)
				&& rows.get(0).contains("MODERATOR") && rows.get(0).contains("Enabled"));
		browser.byRole("button", "Disable " + username).click();
		eventually().until(dialog::getText, (text) -> text.contains(username + " is disabled."));
		assertThat(accountRows(dialog).get(0)).contains("Disabled");
		assertThat(account(admin, username).get("disabled").asBoolean()).isTrue();
		assertThat(TestClients.status(this.clients.signIn(username, NEW_PASSWORD))).isEqualTo(401);

		browser.byRole("button", "Enable " + username).click();
		eventually().until(dialog::getText, (text) -> text.contains(username + " is enabled."));
		assertThat(TestClients.status(this.clients.signIn(username, NEW_PASSWORD))).isEqualTo(200);
	}

	@Test
	void aBadgeDefinedAndGivenInTheDialogShowsBesideTheHoldersMessages() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser bob = this.clients.newUser();
		long channel = this.clients.createChannel(admin, "public", bob);
		Browser browser = signedIn(admin);
		WebElement dialog = openAdminSection(browser, "Badges");
		String badge = "Oncall " + admin.id();

		browser.field("Badge name").sendKeys(badge);
		WebElement priority = browser.byRole("spinbutton", "Priority");
		priority.clear();
		priority.sendKeys("5");
		browser.byRole("button", "Define badge").click();
		eventually().until(dialog::getText,
				(text) -> text.contains(badge + " is defined") && text.contains(badge + " (#2e7d32, priority 5)"));
		browser.field("Badge name").sendKeys(badge);
		browser.byRole("button", "Define badge").click();
		eventually().until(dialog::getText, (text) -> text.contains("Refused: a badge named '" + badge + "' exists"));

		browser.expand("Users");
		browser.byRole("searchbox", "Find accounts").sendKeys(bob.username(), Keys.ENTER);
		// The rows are built again for each answer: bob's alone is the last.
		eventually().until(() -> accountRows(dialog),
				(rows) -> rows.size() == 1 && rows.get(0).startsWith(bob.username()));
		browser.expand("Badges for " + bob.username());
		browser.byRole("checkbox", badge).click();
		browser.byRole("button", "Give badges to " + bob.username()).click();
		eventually().until(dialog::getText, (text) -> text.contains(bob.username() + " has " + badge + "."));
		browser.byRole("button", "Close").click();

		this.clients.post(bob, channel, "wearing it");
		browser.openChannel(this.clients.get(admin, "/api/channels/" + channel).get("name").asString());
		assertThat(browser.article("wearing it").getText()).contains(badge);
	}

	@Test
	void theAuditLogShowsWhoDidWhatToWhomWhereAndWhy() {
		TestUser admin = this.clients.newUser(Role.ADMIN);
		TestUser bob = this.clients.newUser();
		long channel = this.clients.createChannel(admin, "public", bob);
		String channelName = this.clients.get(admin, "/api/channels/" + channel).get("name").asString();
		this.clients.rest(admin)
			.post()
			.uri("/api/channels/{id}/mutes", channel)
			.body(Map.of("userId", bob.id(), "reason", "cool off"))
			.retrieve()
			.toBodilessEntity();
		Browser browser = signedIn(admin);

		WebElement dialog = openAdminSection(browser, "Audit log");

		eventually().until(() -> dialog.findElement(By.cssSelector(".audit-list li")).getText(), (newest) -> newest
			.contains(admin.username() + " muted " + bob.username() + " in " + channelName + ": cool off"));
	}

	private WebElement openAdminSection(Browser browser, String section) {
		browser.byRole("button", "Admin").click();
		WebElement dialog = browser.byRole("dialog", "Administration");
		browser.expand(section);
		return dialog;
	}

	private void createAccount(Browser browser, String username) {
		browser.field("New user name").sendKeys(username);
		browser.field("New password").sendKeys(NEW_PASSWORD);
		browser.field("Display name").sendKeys("Made Here");
		browser.byRole("checkbox", "Moderator").click();
		browser.byRole("button", "Create account").click();
	}

	private static List<String> accountRows(WebElement dialog) {
		return dialog.findElements(By.cssSelector(".user-table tbody tr")).stream().map(WebElement::getText).toList();
	}

	private JsonNode account(TestUser admin, String username) {
		return this.clients.get(admin, "/api/admin/users?query=" + username + "&page=0").get("users").get(0);
	}

	private Browser signedIn(TestUser user) {
		return browsers.browser(this.clients.port()).signIn(user.username(), TestClients.PASSWORD);
	}

}
