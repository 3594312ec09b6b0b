package io.switchboard.attachment;

import java.io.InputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the bytes in the row itself ({@code bytea} on PostgreSQL), so a backup of the
 * database holds everything.
 */
final class DatabaseStorage implements AttachmentStorage {

	private final JdbcTemplate jdbc;

	DatabaseStorage(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void store(long id, InputStream content, long size) {
		// Streamed to the database, not read into memory first.
		this.jdbc.update("update attachments set content = ? where id = ?", (statement) -> {
			statement.setBinaryStream(1, content, size);
			statement.setLong(2, id);
		});
	}

	/**
	 * Read whole: PostgreSQL's driver reads a {@code bytea} into memory anyway, and once
	 * it is there the download holds no database connection while a slow client reads it.
	 */
	@Override
	public @Nullable Resource content(long id) {
		List<byte[]> found = this.jdbc.query("select content from attachments where id = ? and content is not null",
				(row, i) -> row.getBytes(1), id);
		return found.isEmpty() ? null : new ByteArrayResource(found.get(0));
	}

	@Override
	public void delete(long id) {
		// The bytes go with the row.
	}

}
