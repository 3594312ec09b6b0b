package io.switchboard.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import io.switchboard.broker.ConnectionDrops;
import io.switchboard.test.ServerTest;
import io.switchboard.test.TestClients;
import io.switchboard.test.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static io.switchboard.web.Browser.eventually;

/**
 * The web client's outbox outlives a reload of the page: messages written while the
 * connection was down are sent once each, in order, after the reload too.
 */
@ServerTest
@NeedsChromium
class WebClientOutboxBrowserTests {

	@Autowired
	TestClients clients;

	@Autowired
	ApplicationContext context;

	@RegisterExtension
	static final BrowserPool browsers = new BrowserPool();

	@Test
	void messagesWrittenWhileReconnectingAreSentOnceInOrderAfterAReload() {
		TestUser alice = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public");
		Browser browser = browsers.browser(this.clients.port()).signIn(alice.username(), TestClients.PASSWORD);
		eventually().until(browser::connectionStatus, "Connected"::equals);

		// The server closes every socket alice opens; the page itself still loads.
		ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
		try {
			dropper.scheduleAtFixedRate(() -> ConnectionDrops.dropConnectionsOf(this.context, alice.id()), 0, 20,
					TimeUnit.MILLISECONDS);
			eventually().until(browser::connectionStatus, "Reconnecting"::equals);
			browser.send("kept 1");
			browser.send("kept 2");
			eventually().until(browser::messages, (shown) -> shown.size() == 2);

			browser.reload();
			eventually().until(browser::messages,
					(shown) -> shown.size() == 2 && shown.get(0).contains("kept 1") && shown.get(1).contains("kept 2"));
		}
		finally {
			dropper.shutdownNow();
		}

		eventually().until(browser::connectionStatus, "Connected"::equals);
		eventually().until(browser::messages, (shown) -> shown.size() == 2 && shown.get(0).contains("kept 1")
				&& shown.get(1).contains("kept 2") && shown.stream().noneMatch(WebClientOutboxBrowserTests::pending));
		assertThat(contents(this.clients.messages(alice, channel, "sinceSeq=0"))).containsExactly("kept 1", "kept 2");
	}

	@Test
	void aKeptMessageTheServerAlreadyStoredShowsOnceAndIsNotStoredAgain() {
		TestUser alice = this.clients.newUser();
		long channel = this.clients.createChannel(alice, "public");
		Browser browser = browsers.browser(this.clients.port()).signIn(alice.username(), TestClients.PASSWORD);
		eventually().until(browser::connectionStatus, "Connected"::equals);
		// As if the page went away after its SEND was stored but before the message came
		// back: the outbox kept in the tab still holds it.
		this.clients.rest(alice)
			.post()
			.uri("/api/channels/{id}/messages", channel)
			.body(Map.of("content", "stored once", "clientMessageId", "c-kept"))
			.retrieve()
			.toBodilessEntity();
		browser.script("sessionStorage.setItem('switchboard.outbox.' + arguments[0], JSON.stringify([{"
				+ "clientMessageId: 'c-kept', channelId: arguments[1], content: 'stored once', state: 'sent', error: null}]))",
				alice.id(), channel);

		browser.reload();

		eventually().until(browser::messages,
				(shown) -> shown.size() == 1 && shown.get(0).contains("stored once") && !pending(shown.get(0)));
		// A barrier: a later message shows after it, and the kept one still shows once.
		browser.send("after the reload");
		eventually().until(browser::messages,
				(shown) -> shown.size() == 2 && shown.get(1).contains("after the reload") && !pending(shown.get(1)));
		assertThat(browser.messages().get(0)).contains("stored once");
		assertThat(contents(this.clients.messages(alice, channel, "sinceSeq=0"))).containsExactly("stored once",
				"after the reload");
		assertThat(browser.script("return sessionStorage.getItem('switchboard.outbox.' + arguments[0])", alice.id()))
			.isNull();
	}

	@Test
	void signingOutDropsWhatWasWaiting() {
		TestUser alice = this.clients.newUser();
		this.clients.createChannel(alice, "public");
		Browser browser = browsers.browser(this.clients.port()).signIn(alice.username(), TestClients.PASSWORD);
		eventually().until(browser::connectionStatus, "Connected"::equals);
		ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
		try {
			dropper.scheduleAtFixedRate(() -> ConnectionDrops.dropConnectionsOf(this.context, alice.id()), 0, 20,
					TimeUnit.MILLISECONDS);
			eventually().until(browser::connectionStatus, "Reconnecting"::equals);
			browser.send("never sent");
			eventually().until(browser::messages, (shown) -> shown.size() == 1);
			assertThat(
					browser.script("return sessionStorage.getItem('switchboard.outbox.' + arguments[0])", alice.id()))
				.asString()
				.contains("never sent");

			browser.byRole("button", "Sign out").click();
			eventually().until(browser::signInFormShown, Boolean.TRUE::equals);
		}
		finally {
			dropper.shutdownNow();
		}
		assertThat(browser.script("return sessionStorage.getItem('switchboard.outbox.' + arguments[0])", alice.id()))
			.isNull();
	}

	private static boolean pending(String shown) {
		return shown.contains("Waiting for the connection") || shown.contains("Sending");
	}

	private static List<String> contents(JsonNode page) {
		return StreamSupport.stream(page.get("messages").spliterator(), false)
			.map((message) -> message.get("content").asString())
			.toList();
	}

}
