package io.switchboard.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Keeps the bytes as files in one folder, each named by its attachment's id: a name a
 * client chose never becomes part of a path.
 */
final class DirectoryStorage implements AttachmentStorage {

	private static final Logger logger = LoggerFactory.getLogger(DirectoryStorage.class);

	private final Path directory;

	DirectoryStorage(Path directory) {
		try {
			this.directory = Files.createDirectories(directory.toAbsolutePath().normalize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the attachments directory " + directory, ex);
		}
		if (!Files.isWritable(this.directory)) {
			throw new IllegalStateException("the attachments directory " + this.directory + " is not writable");
		}
	}

	@Override
	public void store(long id, InputStream content, long size) throws IOException {
		// Ids are never handed out twice; a file left by a crash before its row
		// committed is simply replaced.
		Files.copy(content, file(id), StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public @Nullable Resource content(long id) {
		Path file = file(id);
		return Files.isRegularFile(file) ? new FileSystemResource(file) : null;
	}

	@Override
	public void delete(long id) {
		try {
			Files.deleteIfExists(file(id));
		}
		catch (IOException ex) {
			logger.warn("Could not delete attachment file {}: {}", file(id), ex.toString());
		}
	}

	private Path file(long id) {
		return this.directory.resolve(Long.toString(id));
	}

}
