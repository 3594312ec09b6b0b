package io.switchboard.channel;

import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.system.WireNames;

/**
 * What a moderation action did, as the audit log names it.
 */
public enum AuditAction {

	ROLE_CHANGED, KICKED, MUTED, UNMUTED, BANNED, UNBANNED, MESSAGE_DELETED, CHANNEL_CLOSED;

	@JsonValue
	public String wireName() {
		return WireNames.of(this);
	}

}
