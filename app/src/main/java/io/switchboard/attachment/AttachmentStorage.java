package io.switchboard.attachment;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * Where attachments' bytes are kept, by id; the row in {@code attachments} says
 * everything else. Called inside the transaction that stores or reads the row.
 */
interface AttachmentStorage {

	void store(long id, InputStream content, long size) throws IOException;

	/**
	 * The bytes, as a resource that may be opened more than once (a range request reads
	 * its length first); {@code null} if there are none.
	 */
	@Nullable Resource content(long id);

	/**
	 * Removes the bytes kept outside the row, if any.
	 */
	void delete(long id);

}
