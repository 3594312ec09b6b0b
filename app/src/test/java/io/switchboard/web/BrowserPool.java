package io.switchboard.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers of one test class: those a test used are wiped after it and handed to the
 * next, since starting Chromium costs seconds and wiping it next to nothing; all are
 * closed after the class. Register it as a static extension field.
 */
final class BrowserPool implements AfterEachCallback, AfterAllCallback {

	private final Deque<Browser> idle = new ArrayDeque<>();

	private final List<Browser> inUse = new ArrayList<>();

	/**
	 * A browser on the server at {@code port}, signed out and with nothing stored.
	 */
	Browser browser(int port) {
		Browser browser = this.idle.isEmpty() ? Browser.open(port) : this.idle.pop();
		this.inUse.add(browser);
		return browser;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (context.getExecutionException().isPresent()) {
			keepScreenshots(context);
		}
		for (Browser browser : this.inUse) {
			try {
				browser.wipe();
				this.idle.push(browser);
			}
			catch (RuntimeException ex) {
				browser.close();
			}
		}
		this.inUse.clear();
	}

	/**
	 * What each browser showed when its test failed, under
	 * {@code target/browser-failures/}, to look at after the run.
	 */
	private void keepScreenshots(ExtensionContext context) {
		Path folder = Path.of("target", "browser-failures");
		String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
		for (int i = 0; i < this.inUse.size(); i++) {
			try {
				Files.createDirectories(folder);
				Files.write(folder.resolve(test + "-" + (i + 1) + ".png"), this.inUse.get(i).screenshot());
			}
			catch (IOException | RuntimeException ex) {
				// The failure itself is what matters; a browser too far gone for a
				// picture
				// adds nothing to it.
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.idle.forEach(Browser::close);
		this.idle.clear();
	}

}
