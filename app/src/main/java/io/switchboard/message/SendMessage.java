package io.switchboard.message;

import java.util.List;

import io.switchboard.attachment.Attachments;
import io.switchboard.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The payload of {@code /app/channel.{id}.send}. Content is trimmed before it is checked.
 *
 * @param attachments ids of the sender's uploads to the channel that the message takes
 */
record SendMessage(@NotBlank(message = "must not be empty") @MaxCodePoints(4000) @PlainText String content,
		@Nullable Long replyToId,
		@Nullable @Size(max = 64) @Pattern(regexp = "[\\x21-\\x7e]+",
				message = "must be printable ASCII without spaces") String clientMessageId,
		@Nullable @Size(max = Attachments.MAX_PER_MESSAGE, message = "must name at most " + Attachments.MAX_PER_MESSAGE
				+ " uploads") List<@NotNull Long> attachments) {

	SendMessage {
		content = (content != null) ? content.strip() : null;
	}

	SendMessage withContent(String content) {
		return new SendMessage(content, this.replyToId, this.clientMessageId, this.attachments);
	}

	/**
	 * The ids of the attachments, none if not given.
	 */
	List<Long> attachmentIds() {
		return (this.attachments != null) ? this.attachments : List.of();
	}

}
