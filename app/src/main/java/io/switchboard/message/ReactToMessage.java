package io.switchboard.message;

import jakarta.validation.constraints.NotNull;

/**
 * The payload of {@code /app/channel.{id}.react}: adds or removes the sender's reaction.
 * The emoji's form is checked by {@link Emoji}.
 */
record ReactToMessage(@NotNull Long messageId, @NotNull String emoji, @NotNull Boolean add) {

}
