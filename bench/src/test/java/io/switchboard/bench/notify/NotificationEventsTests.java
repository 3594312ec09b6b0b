package io.switchboard.bench.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds the run of notification events shaped as the server sends them, and nothing in
 * other bodies.
 */
class NotificationEventsTests {

	@Test
	void readsTheRunOfAPublishedNotification() {
		String event = "{\"type\":\"notification\",\"id\":55,\"kind\":\"system\",\"title\":\"Bench notice\","
				+ "\"body\":\"Publication 1\",\"data\":{\"run\":\"bench_a1b2c3_notify1_1700000000000\"},"
				+ "\"createdAt\":\"2026-12-02T11:19:21Z\",\"readAt\":null}";
		assertThat(NotificationEvents.runOf(event)).isEqualTo("bench_a1b2c3_notify1_1700000000000");
	}

	@Test
	void readsTheRunWhateverTheFieldOrderAndSpacing() {
		String event = "{ \"data\": { \"run\": \"r7\" }, \"type\": \"notification\" }";
		assertThat(NotificationEvents.runOf(event)).isEqualTo("r7");
	}

	@Test
	void findsNoRunInAMentionNotification() {
		String event = "{\"type\":\"notification\",\"id\":56,\"kind\":\"mention\",\"data\":{\"channelId\":7,"
				+ "\"messageId\":812}}";
		assertThat(NotificationEvents.runOf(event)).isNull();
	}

	@Test
	void findsNoRunInOtherEvents() {
		assertThat(NotificationEvents.runOf("{\"type\":\"error\",\"data\":{\"run\":\"r7\"}}")).isNull();
		assertThat(NotificationEvents.runOf("{\"type\":\"notification\",\"data\":{\"run\":7}}")).isNull();
		assertThat(NotificationEvents.runOf("not json")).isNull();
		assertThat(NotificationEvents.runOf("")).isNull();
	}

}
