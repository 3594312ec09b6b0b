package io.switchboard.message;

import jakarta.validation.constraints.NotNull;

/**
 * The payload of {@code /app/channel.{id}.delete}.
 */
record DeleteMessage(@NotNull Long messageId) {

}
