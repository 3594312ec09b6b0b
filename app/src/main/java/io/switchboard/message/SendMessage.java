package io.switchboard.message;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The payload of {@code /app/channel.{id}.send}. Content is trimmed before it is checked.
 */
record SendMessage(@NotBlank(message = "content must not be empty") @MaxCodePoints(4000) String content,
		@Nullable Long replyToId, @Nullable @Size(max = 64) @Pattern(regexp = "[\\x21-\\x7e]+",
				message = "clientMessageId must be printable ASCII without spaces") String clientMessageId) {

	SendMessage {
		content = (content != null) ? content.strip() : null;
	}

	SendMessage withContent(String content) {
		return new SendMessage(content, this.replyToId, this.clientMessageId);
	}

}
