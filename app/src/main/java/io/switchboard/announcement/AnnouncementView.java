package io.switchboard.announcement;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.switchboard.user.UserSummary;

/**
 * An announcement as {@code /topic/announcements} carries it and
 * {@code GET /api/announcements} lists it (PROTOCOL.md section 7).
 */
@JsonPropertyOrder({ "type", "id", "title", "body", "severity", "author", "createdAt" })
record AnnouncementView(long id, String title, String body, Severity severity, UserSummary author, Instant createdAt) {

	@JsonProperty("type")
	String type() {
		return "announcement";
	}

}
