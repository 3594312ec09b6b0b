package io.switchboard.presence;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A user's presence, as {@code /topic/presence.{userId}} carries it and
 * {@code GET /api/presence} lists it (PROTOCOL.md section 7).
 *
 * @param lastSeenAt when their last session closed; {@code null} if never
 */
@JsonPropertyOrder({ "type", "userId", "status", "statusText", "lastSeenAt" })
record PresenceEvent(long userId, PresenceStatus status, @Nullable String statusText, @Nullable Instant lastSeenAt) {

	@JsonProperty("type")
	String type() {
		return "presence";
	}

}
