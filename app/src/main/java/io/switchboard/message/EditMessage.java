package io.switchboard.message;

import io.switchboard.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The payload of {@code /app/channel.{id}.edit}. Content is trimmed before it is checked.
 */
record EditMessage(@NotNull Long messageId,
		@NotBlank(message = "must not be empty") @MaxCodePoints(4000) @PlainText String content) {

	EditMessage {
		content = (content != null) ? content.strip() : null;
	}

}
