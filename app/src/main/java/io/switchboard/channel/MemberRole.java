package io.switchboard.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.system.WireNames;

/**
 * A member's role within one channel.
 */
public enum MemberRole {

	ADMIN, MODERATOR, MEMBER;

	@JsonValue
	public String wireName() {
		return WireNames.of(this);
	}

	@JsonCreator
	static MemberRole fromWireName(String name) {
		return WireNames.parse(MemberRole.class, name);
	}

	/**
	 * Higher outranks lower: member 1, moderator 2, admin 3.
	 */
	int ordinalRank() {
		return 3 - ordinal();
	}

	public boolean canModerate() {
		return this == ADMIN || this == MODERATOR;
	}

}
