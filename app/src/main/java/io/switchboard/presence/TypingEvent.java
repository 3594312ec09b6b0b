package io.switchboard.presence;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code typing} on a channel's topic (PROTOCOL.md section 3): not stored, no
 * {@code seq}.
 *
 * @param expiresAt when clients stop showing it unless another comes
 */
@JsonPropertyOrder({ "type", "channelId", "userId", "username", "typing", "expiresAt" })
record TypingEvent(long channelId, long userId, String username, boolean typing, Instant expiresAt) {

	@JsonProperty("type")
	String type() {
		return "typing";
	}

}
