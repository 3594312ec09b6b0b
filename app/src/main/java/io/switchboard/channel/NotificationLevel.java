package io.switchboard.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.system.WireNames;

/**
 * How much of a channel notifies one member.
 */
public enum NotificationLevel {

	/** Every message of a direct or group channel, and mentions anywhere. */
	ALL,
	/** Mentions only. */
	MENTIONS,
	/** Nothing: no notification is created for the member from this channel. */
	NONE;

	@JsonValue
	public String wireName() {
		return WireNames.of(this);
	}

	@JsonCreator
	static NotificationLevel fromWireName(String name) {
		return WireNames.parse(NotificationLevel.class, name);
	}

	/**
	 * @param mentioned whether the message mentions the member
	 */
	public boolean notifies(boolean mentioned) {
		return this == ALL || (this == MENTIONS && mentioned);
	}

}
