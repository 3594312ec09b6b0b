package io.switchboard.attachment;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings for attachments, under {@code switchboard.attachments}.
 *
 * @param storage where uploaded bytes are kept: in the database, or as files in
 * {@code directory}; changing it moves nothing that is stored already
 * @param directory the folder for {@code storage=directory}, created if missing
 * @param maxSize the largest file one upload may carry; the server's multipart limits
 * follow it
 */
@ConfigurationProperties("switchboard.attachments")
record AttachmentSettings(@DefaultValue("database") Storage storage, @Nullable Path directory,
		@DefaultValue("10MB") DataSize maxSize) {

	enum Storage {

		DATABASE, DIRECTORY

	}

}
