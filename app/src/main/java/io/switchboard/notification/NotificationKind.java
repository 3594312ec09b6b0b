package io.switchboard.notification;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a user is notified.
 */
public enum NotificationKind {

	MENTION, DIRECT_MESSAGE, TRADE, SYSTEM;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
