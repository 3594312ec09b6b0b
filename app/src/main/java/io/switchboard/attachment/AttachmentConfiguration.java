package io.switchboard.attachment;

import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The storage {@code switchboard.attachments.storage} names, and multipart limits that
 * match {@code switchboard.attachments.max-size}.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	/** Room for the boundaries and part headers around the one file. */
	private static final long MULTIPART_FRAMING = 64 * 1024;

	@Bean
	AttachmentStorage attachmentStorage(AttachmentSettings settings, JdbcTemplate jdbc) {
		return switch (settings.storage()) {
			case DATABASE -> new DatabaseStorage(jdbc);
			case DIRECTORY -> new DirectoryStorage(requireDirectory(settings));
		};
	}

	/**
	 * One limit for operators to set: an upload over it is refused by the multipart
	 * parser, as {@code 413}, before it is written anywhere. What else
	 * {@code spring.servlet.multipart} says (location, threshold) still holds.
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(ObjectProvider<MultipartProperties> multipart,
			AttachmentSettings settings) {
		long maxSize = settings.maxSize().toBytes();
		if (maxSize <= 0) {
			throw new IllegalStateException("switchboard.attachments.max-size must be positive");
		}
		MultipartConfigElement configured = multipart.getIfAvailable(MultipartProperties::new).createMultipartConfig();
		return new MultipartConfigElement(configured.getLocation(), maxSize, maxSize + MULTIPART_FRAMING,
				configured.getFileSizeThreshold());
	}

	private static Path requireDirectory(AttachmentSettings settings) {
		Path directory = settings.directory();
		if (directory == null) {
			throw new IllegalStateException(
					"switchboard.attachments.storage=directory needs switchboard.attachments.directory");
		}
		return directory;
	}

}
