package io.switchboard.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class at once, with {@link TestDatabase}'s words, when the run has no
 * database: before Spring tries to start a server on none and buries the reason.
 */
public class TestDatabaseCheck implements BeforeAllCallback {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestDatabase.get();
	}

}
