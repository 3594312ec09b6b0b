package io.switchboard.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.system.WireNames;

/**
 * What kind of channel: who may find it, join it and post in it.
 */
public enum ChannelType {

	/** Anyone may read and join; members post. */
	PUBLIC,
	/** Members only, added by a channel admin. */
	PRIVATE,
	/** Anyone may read and join; only channel admins and moderators post. */
	ANNOUNCEMENT,
	/** Members only; for a team answering questions. */
	SUPPORT,
	/** Two people. */
	DIRECT,
	/** Three or more people, made with {@code POST /api/direct}. */
	GROUP;

	@JsonValue
	public String wireName() {
		return WireNames.of(this);
	}

	@JsonCreator
	static ChannelType fromWireName(String name) {
		return WireNames.parse(ChannelType.class, name);
	}

	public boolean isConversation() {
		return this == DIRECT || this == GROUP;
	}

	boolean isOpen() {
		return this == PUBLIC || this == ANNOUNCEMENT;
	}

}
