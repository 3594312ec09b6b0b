package io.switchboard.web;

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

	@Override
	public void afterAll(ExtensionContext context) {
		this.idle.forEach(Browser::close);
		this.idle.clear();
	}

}
