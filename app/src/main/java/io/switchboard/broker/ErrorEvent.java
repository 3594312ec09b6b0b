package io.switchboard.broker;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.system.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The error event a client receives on {@code /user/queue/errors} (PROTOCOL.md section
 * 5).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorEvent(String type, String code, String message, @Nullable String destination, @Nullable String receiptId,
		@Nullable String clientMessageId, @Nullable Long retryAfterMs) {

	ErrorEvent(ErrorCode code, String message, @Nullable String destination, @Nullable String receiptId,
			@Nullable String clientMessageId, @Nullable Long retryAfterMs) {
		this("error", code.wireName(), message, destination, receiptId, clientMessageId, retryAfterMs);
	}

}
