package io.switchboard.message;

/**
 * A stored message now reads differently: edited, or deleted (then {@code content} is
 * blank). Published inside the storing transaction, so that what quotes the message, such
 * as its notifications, changes with it.
 */
public record MessageContentChanged(long messageId, String content) {

}
