package io.switchboard.notification;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.switchboard.system.ControlCharacters;
import io.switchboard.system.IdArrayQuery;
import io.switchboard.system.IdArrayQuery;
import io.switchboard.system.RequestRefused;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes a trade or system notification to many users at once: stores one notification
 * per recipient in one transaction, then delivers each to every open session of its
 * recipient. {@code POST /api/notifications} and the broker's inbound address come here,
 * and so can a publisher running in this JVM.
 */
@Service
public class NotificationPublisher {

	public static final int MAX_RECIPIENTS = 10_000;

	public static final int MAX_DATA_BYTES = 8 * 1024;

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 1000;

	private final NotificationDispatcher dispatcher;

	private final PublicationKeys keys;

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	NotificationPublisher(NotificationDispatcher dispatcher, PublicationKeys keys, NamedParameterJdbcTemplate jdbc,
			JsonMapper json) {
		this.dispatcher = dispatcher;
		this.keys = keys;
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores the notification for every recipient who is an enabled account of the
	 * publisher's workspace and, once stored, delivers it live to those who have not
	 * switched its kind off.
	 * @param idempotencyKey if given, a later call with the same key and request gets
	 * this call's answer and stores nothing; with a different request it is refused
	 * @throws RequestRefused {@code bad_request} for an invalid publication,
	 * {@code conflict} for a key used with a different request
	 */
	@Transactional
	public PublicationResult publish(Publisher publisher, Publication publication, @Nullable String idempotencyKey) {
		Publication request = validated(publication);
		if (idempotencyKey != null) {
			Optional<PublicationResult> earlier = this.keys.claim(publisher, idempotencyKey, request);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		Set<Long> known = enabledIn(publisher.workspaceId(), request.recipients());
		String data = this.json.writeValueAsString(request.data());
		List<Notification> notifications = new ArrayList<>(known.size());
		List<Long> unknown = new ArrayList<>();
		for (long recipient : request.recipients()) {
			if (known.contains(recipient)) {
				notifications
					.add(new Notification(recipient, request.kind(), request.title(), request.body(), data, null));
			}
			else {
				unknown.add(recipient);
			}
		}
		this.dispatcher.store(notifications);
		PublicationResult result = new PublicationResult(notifications.size(), unknown, false);
		if (idempotencyKey != null) {
			this.keys.answer(publisher, idempotencyKey, result);
		}
		return result;
	}

	/**
	 * The publication as it is stored and compared for a retry: text stripped, each
	 * recipient once, in the order first given, and data an object.
	 */
	private Publication validated(Publication publication) {
		if (publication.kind() != NotificationKind.TRADE && publication.kind() != NotificationKind.SYSTEM) {
			throw RequestRefused.badRequest("kind: must be one of trade, system");
		}
		List<Long> recipients = publication.recipients();
		if (recipients == null || recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
			throw RequestRefused.badRequest("recipients: must hold 1 to " + MAX_RECIPIENTS + " user ids");
		}
		if (recipients.stream().anyMatch((id) -> id == null || id <= 0)) {
			throw RequestRefused.badRequest("recipients: must be positive user ids");
		}
		String title = text("title", publication.title(), MAX_TITLE);
		String body = text("body", publication.body(), MAX_BODY);
		Map<String, Object> data = (publication.data() != null) ? publication.data() : Map.of();
		if (this.json.writeValueAsString(data).getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
			throw RequestRefused.badRequest("data: must be at most " + MAX_DATA_BYTES + " bytes as UTF-8 JSON");
		}
		return new Publication(List.copyOf(new LinkedHashSet<>(recipients)), publication.kind(), title, body, data);
	}

	private static String text(String field, @Nullable String value, int max) {
		String stripped = (value != null) ? value.strip() : "";
		if (stripped.isEmpty() || stripped.codePointCount(0, stripped.length()) > max) {
			throw RequestRefused.badRequest(field + ": must be 1 to " + max + " characters");
		}
		ControlCharacters.require(field, stripped);
		return stripped;
	}

	/**
	 * Those of the ids that are enabled accounts of the workspace; anyone else is
	 * unknown, whether they exist elsewhere or not at all.
	 */
	private Set<Long> enabledIn(long workspaceId, List<Long> ids) {
		Set<Long> found = new HashSet<>();
		IdArrayQuery.query(this.jdbc.getJdbcTemplate(),
				"select id from users where workspace_id = ? and disabled = false and id = any(?)", ids,
				(row) -> found.add(row.getLong(1)), workspaceId);
		return found;
	}

}
