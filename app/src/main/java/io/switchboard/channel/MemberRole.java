package io.switchboard.channel;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.system.RequestRefused;

/**
 * A member's role within one channel.
 */
public enum MemberRole {

	ADMIN, MODERATOR, MEMBER;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	static MemberRole fromWireName(String name) {
		for (MemberRole role : values()) {
			if (role.wireName().equals(name)) {
				return role;
			}
		}
		throw RequestRefused.badRequest("unknown member role '" + name + "'");
	}

	boolean canModerate() {
		return this == ADMIN || this == MODERATOR;
	}

}
