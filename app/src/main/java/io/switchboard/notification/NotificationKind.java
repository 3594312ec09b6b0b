package io.switchboard.notification;

import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.system.WireNames;

/**
 * Why a user is notified.
 */
public enum NotificationKind {

	MENTION, DIRECT_MESSAGE, TRADE, SYSTEM;

	@JsonValue
	public String wireName() {
		return WireNames.of(this);
	}

}
