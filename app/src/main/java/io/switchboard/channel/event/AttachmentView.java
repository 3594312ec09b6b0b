package io.switchboard.channel.event;

/**
 * A file sent with a message, as clients see it: {@code GET /api/attachments/{id}}
 * fetches it.
 *
 * @param name the uploader's file name, without any path
 * @param contentType the type the uploader declared
 * @param size in bytes
 */
public record AttachmentView(long id, String name, String contentType, long size) {

}
