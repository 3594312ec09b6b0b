package io.switchboard.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishers' idempotency keys, each with a digest of the request it came with and the
 * answer it got, so that a retry gets the first answer and stores nothing.
 */
@Component
class PublicationKeys {

	static final int MAX_KEY_LENGTH = 255;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final NotificationSettings settings;

	PublicationKeys(JdbcTemplate jdbc, JsonMapper json, NotificationSettings settings) {
		this.jdbc = jdbc;
		this.json = json;
		this.settings = settings;
	}

	/**
	 * Claims the key for this request in the current transaction, or finds the answer an
	 * earlier request with the key got. A request that holds the key and has not
	 * committed yet makes this one wait for it: two retries at once store once.
	 * @return the earlier answer, or empty if the key is now this request's
	 * @throws RequestRefused {@code conflict} if the key came with a different request
	 */
	Optional<PublicationResult> claim(Publisher publisher, String key, Publication request) {
		if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e)) {
			throw RequestRefused.badRequest(
					"Idempotency-Key: must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
		}
		Instant now = Timestamps.now();
		// One that is past its time counts as never seen.
		this.jdbc.update(
				"delete from notification_publications "
						+ "where workspace_id = ? and publisher = ? and idempotency_key = ? and created_at < ?",
				publisher.workspaceId(), publisher.name(), key,
				Timestamp.from(now.minus(this.settings.idempotencyKeyTtl())));
		String digest = digest(request);
		int claimed = this.jdbc.update(
				"insert into notification_publications (workspace_id, publisher, idempotency_key, request_digest, created_at) "
						+ "values (?, ?, ?, ?, ?) on conflict do nothing",
				publisher.workspaceId(), publisher.name(), key, digest, Timestamp.from(now));
		if (claimed == 1) {
			return Optional.empty();
		}
		List<Earlier> earlier = this.jdbc.query(
				"select request_digest, answer from notification_publications "
						+ "where workspace_id = ? and publisher = ? and idempotency_key = ?",
				(row, i) -> new Earlier(row.getString(1), row.getString(2)), publisher.workspaceId(), publisher.name(),
				key);
		if (earlier.isEmpty() || earlier.get(0).result() == null) {
			// Purged or rolled back between the insert and the read: rare, and safe to
			// retry.
			throw RequestRefused.unavailable("the Idempotency-Key is being used by another request; retry", 1000);
		}
		if (!earlier.get(0).digest().equals(digest)) {
			throw RequestRefused.conflict("Idempotency-Key " + key + " was used with a different request");
		}
		Answer answer = this.json.readValue(earlier.get(0).result(), Answer.class);
		return Optional.of(new PublicationResult(answer.stored(), answer.unknownRecipients(), true));
	}

	/**
	 * Keeps the answer for retries, in the transaction that claimed the key.
	 */
	void answer(Publisher publisher, String key, PublicationResult result) {
		this.jdbc.update(
				"update notification_publications set answer = ? "
						+ "where workspace_id = ? and publisher = ? and idempotency_key = ?",
				this.json.writeValueAsString(new Answer(result.stored(), result.unknownRecipients())),
				publisher.workspaceId(), publisher.name(), key);
	}

	/**
	 * Forgets keys past their time.
	 * @return how many were forgotten
	 */
	int purgeExpired() {
		return this.jdbc.update("delete from notification_publications where created_at < ?",
				Timestamp.from(Timestamps.now().minus(this.settings.idempotencyKeyTtl())));
	}

	private String digest(Publication request) {
		try {
			byte[] canonical = this.json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	private record Answer(int stored, List<Long> unknownRecipients) {

	}

	private record Earlier(String digest, @Nullable String result) {

	}

}
