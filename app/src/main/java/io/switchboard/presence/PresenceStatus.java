package io.switchboard.presence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.system.WireNames;

/**
 * A user's presence. {@code offline} is never chosen: it is what a user is while no
 * session of theirs is connected to any node.
 */
enum PresenceStatus {

	ONLINE, AWAY, BUSY, OFFLINE;

	@JsonValue
	String wireName() {
		return WireNames.of(this);
	}

	@JsonCreator
	static PresenceStatus fromWireName(String name) {
		return WireNames.parse(PresenceStatus.class, name);
	}

}
