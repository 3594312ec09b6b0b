package io.switchboard.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.awaitility.core.ConditionFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * One headless Chromium (Debian's, driven by Debian's chromedriver) with a fresh profile,
 * finding what a person sees by role and accessible name, as assistive technology does.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final int MOST_TABS = 120;

	/**
	 * Selenium looks for a DevTools binding for this Chromium's version on every start,
	 * and warns when it has none; these tests use WebDriver only. Held here, since
	 * java.util.logging forgets the level of a logger nobody references.
	 */
	private static final List<Logger> QUIETER = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
			Logger.getLogger("org.openqa.selenium.chromium"));

	static {
		QUIETER.forEach((logger) -> logger.setLevel(Level.SEVERE));
	}

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private Browser(ChromeDriver driver, Path profile, String baseUrl) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	static Browser open(int port) {
		Path profile = temporaryProfile();
		ChromeOptions options = new ChromeOptions();
		// Both paths set: Selenium Manager has nothing to look for and downloads nothing.
		options.setBinary(CHROMIUM.toFile());
		// The network here is closed: without these, Chromium keeps trying its own
		// services.
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1200,900", "--user-data-dir=" + profile);
		// An alert must stay open for the test to see it, not be dismissed for it.
		options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), profile, "http://localhost:" + port);
	}

	/**
	 * Waits for what a page shows, which may not be there yet while it loads.
	 */
	static ConditionFactory eventually() {
		return await().atMost(PATIENCE).ignoreExceptions();
	}

	Browser visit(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	Browser signIn(String username, String password) {
		return signIn("/", username, password);
	}

	Browser signIn(String path, String username, String password) {
		visit(path);
		field("Username").sendKeys(username);
		field("Password").sendKeys(password);
		byRole("button", "Sign in").click();
		eventually().until(this::connectionStatus, "Connected"::equals);
		return this;
	}

	void reload() {
		this.driver.navigate().refresh();
	}

	/** A text field by its label. */
	WebElement field(String label) {
		return byRole("textbox", label);
	}

	/** Types into the composer and presses Enter. */
	void send(String text) {
		field("Message").sendKeys(text, Keys.ENTER);
	}

	/** Types into the composer without sending. */
	void type(String text) {
		field("Message").sendKeys(text);
	}

	/** What the line under the message list says about who is typing. */
	String typingIndicator() {
		return this.driver.findElement(By.id("typing")).getText();
	}

	String connectionStatus() {
		return byRole("status", "Connection").getText();
	}

	WebElement messageLog() {
		return byRole("log", "Messages");
	}

	/** The text of each message in the log, top to bottom. */
	List<String> messages() {
		return messageLog().findElements(By.tagName("article")).stream().map(WebElement::getText).toList();
	}

	/** The accessible names of the links in the Channels navigation. */
	List<String> channelLinks() {
		return byRole("navigation", "Channels").findElements(By.tagName("a"))
			.stream()
			.map(WebElement::getAccessibleName)
			.toList();
	}

	/** The name of the channel on show, as its heading says. */
	String openChannelName() {
		return this.driver.findElement(By.id("channel-title")).getText();
	}

	Set<Cookie> cookies() {
		return this.driver.manage().getCookies();
	}

	void openChannel(String name) {
		byRole("navigation", "Channels").findElements(By.tagName("a"))
			.stream()
			.filter((link) -> link.getAccessibleName().startsWith(name))
			.findFirst()
			.orElseThrow()
			.click();
	}

	boolean alertShown() {
		try {
			this.driver.switchTo().alert();
			return true;
		}
		catch (NoAlertPresentException ex) {
			return false;
		}
	}

	boolean signInFormShown() {
		return !this.driver.findElements(By.id("username")).isEmpty()
				&& this.driver.findElement(By.id("username")).isDisplayed();
	}

	/** Presses a key where the focus is, as a person at the keyboard would. */
	void press(CharSequence key) {
		focused().sendKeys(key);
	}

	/**
	 * Presses Tab, or Shift+Tab going {@code back}, until the focus is on what has the
	 * given role and an accessible name starting with {@code name}, as a person without a
	 * mouse would get there; fails when that takes more than {@value #MOST_TABS} presses.
	 */
	WebElement tabTo(String role, String name, boolean back) {
		for (int pressed = 0; pressed < MOST_TABS; pressed++) {
			new Actions(this.driver).sendKeys(back ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB).perform();
			WebElement focused = focused();
			if (role.equals(focused.getAriaRole()) && focused.getAccessibleName().startsWith(name)) {
				return focused;
			}
		}
		throw new AssertionError("no " + role + " named " + name + " within " + MOST_TABS + " presses of Tab");
	}

	/** Whether the Channels navigation is on screen (a narrow screen hides it). */
	boolean navigationShown() {
		return this.driver.findElement(By.cssSelector("nav[aria-label=Channels]")).isDisplayed();
	}

	/** The size of the window, such as a phone's 390 by 800. */
	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** The window as a PNG, for looking at what a test saw. */
	byte[] screenshot() {
		return this.driver.getScreenshotAs(OutputType.BYTES);
	}

	Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	/**
	 * The one article in the Messages log whose text contains the given text, once there
	 * is one; asked again while articles are replaced (a pending message by the stored
	 * one) as it looks.
	 */
	WebElement article(String text) {
		return eventually().until(() -> {
			List<WebElement> found = messageLog().findElements(By.tagName("article"))
				.stream()
				.filter((article) -> article.getText().contains(text))
				.toList();
			return (found.size() == 1) ? found.get(0) : null;
		}, Objects::nonNull);
	}

	/** The text of each message in the open thread panel, its first message first. */
	List<String> threadMessages() {
		return byRole("log", "Thread").findElements(By.tagName("article")).stream().map(WebElement::getText).toList();
	}

	/**
	 * Chooses a file in the composer's file field, as the Attach file button lets one.
	 */
	void attach(Path file) {
		this.driver.findElement(By.id("attach-input")).sendKeys(file.toAbsolutePath().toString());
	}

	/**
	 * Chooses a file in the thread panel's file field, as its Attach file button lets
	 * one.
	 */
	void attachToReply(Path file) {
		this.driver.findElement(By.id("reply-attach-input")).sendKeys(file.toAbsolutePath().toString());
	}

	/** The element that has the keyboard focus. */
	WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	/**
	 * The one visible element with the given computed role whose accessible name starts
	 * with the given text, for names that end in something that changes, such as a count.
	 */
	WebElement byRoleNameStarting(String role, String prefix) {
		List<WebElement> found = this.driver.findElements(By.cssSelector(candidates(role)))
			.stream()
			.filter(unlessGone((element) -> element.isDisplayed() && role.equals(element.getAriaRole())
					&& element.getAccessibleName().startsWith(prefix)))
			.toList();
		if (found.size() != 1) {
			throw new AssertionError(
					found.size() + " visible elements with role " + role + " and a name starting " + prefix);
		}
		return found.get(0);
	}

	/** Opens a collapsed part of the page by its summary's text. */
	void expand(String summary) {
		eventually().ignoreException(StaleElementReferenceException.class)
			.until(() -> this.driver.findElements(By.tagName("summary"))
				.stream()
				.filter((element) -> element.isDisplayed() && summary.equals(element.getText()))
				.findFirst(), Optional::isPresent)
			.get()
			.click();
	}

	/** The classes of the page's root element, where the theme and compact mode show. */
	String rootClasses() {
		return String.valueOf(script("return document.documentElement.className"));
	}

	/**
	 * The one visible element with the given computed role and accessible name.
	 */
	WebElement byRole(String role, String name) {
		return byRole(this.driver, role, name);
	}

	/**
	 * The one visible element inside {@code scope} with the given computed role and
	 * accessible name.
	 */
	static WebElement byRole(SearchContext scope, String role, String name) {
		Predicate<WebElement> matches = unlessGone((element) -> element.isDisplayed()
				&& role.equals(element.getAriaRole()) && name.equals(element.getAccessibleName()));
		List<WebElement> found = scope.findElements(By.cssSelector(candidates(role))).stream().filter(matches).toList();
		if (found.size() != 1) {
			throw new AssertionError(found.size() + " visible elements with role " + role + " and name " + name);
		}
		return found.get(0);
	}

	/**
	 * The one visible element with the given computed role whose accessible name matches,
	 * such as a person's user name followed by more about them.
	 */
	WebElement byRole(String role, Predicate<String> name) {
		List<WebElement> found = this.driver.findElements(By.cssSelector(candidates(role)))
			.stream()
			.filter((element) -> element.isDisplayed() && role.equals(element.getAriaRole())
					&& name.test(element.getAccessibleName()))
			.toList();
		if (found.size() != 1) {
			throw new AssertionError(found.size() + " visible elements with role " + role + " and such a name");
		}
		return found.get(0);
	}

	/**
	 * A test that counts an element gone from the page as not matching: one that goes by
	 * itself (a toast) may go while the others are asked about.
	 */
	private static Predicate<WebElement> unlessGone(Predicate<WebElement> test) {
		return (element) -> {
			try {
				return test.test(element);
			}
			catch (StaleElementReferenceException ex) {
				return false;
			}
		};
	}

	/** Where elements of a role can be, so that not every element is asked. */
	private static String candidates(String role) {
		return switch (role) {
			case "textbox" -> "input, textarea";
			case "button" -> "button";
			case "navigation" -> "nav, [role=navigation]";
			case "link" -> "a[href], [role=link]";
			case "searchbox" -> "input[type=search], [role=searchbox]";
			case "checkbox" -> "input[type=checkbox], [role=checkbox]";
			case "radio" -> "input[type=radio], [role=radio]";
			case "combobox" -> "select, [role=combobox]";
			case "spinbutton" -> "input[type=number], [role=spinbutton]";
			case "dialog" -> "dialog, [role=dialog]";
			default -> "[role=" + role + "]";
		};
	}

	/**
	 * Leaves nothing of a test for the next: its page, whose scripts stop with it, what
	 * the origin stored, cookies and any alert.
	 */
	void wipe() {
		if (alertShown()) {
			this.driver.switchTo().alert().dismiss();
		}
		// A page of the same origin that runs no script, to reach the origin's storage.
		visit("/favicon.svg");
		script("sessionStorage.clear(); localStorage.clear()");
		this.driver.manage().deleteAllCookies();
		// A test that made it phone-sized leaves a desktop window to the next.
		resize(1200, 900);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try {
				FileSystemUtils.deleteRecursively(this.profile);
			}
			catch (IOException ex) {
				// A profile left in the temporary directory harms nothing.
			}
		}
	}

	private static Path temporaryProfile() {
		try {
			return Files.createTempDirectory("switchboard-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
