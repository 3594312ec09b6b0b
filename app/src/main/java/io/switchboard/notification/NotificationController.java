package io.switchboard.notification;

import java.util.Map;

import io.switchboard.system.PageSize;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NotificationController {

	private static final int MAX_PAGE = 100;

	private final NotificationInbox inbox;

	private final NotificationPreferences preferences;

	private final NotificationPublisher publisher;

	NotificationController(NotificationInbox inbox, NotificationPreferences preferences,
			NotificationPublisher publisher) {
		this.inbox = inbox;
		this.publisher = publisher;
		this.preferences = preferences;
	}

	/**
	 * Every kind of notification, and whether it is delivered live, e.g.
	 * {@code {"mention":true,"direct_message":true,"trade":true,"system":false}}.
	 */
	@GetMapping("/api/me/notification-preferences")
	Map<String, Boolean> preferences(@AuthenticationPrincipal CurrentUser me) {
		return this.preferences.of(me.id());
	}

	/**
	 * Changes the kinds given, e.g. {@code {"system": false}}; answers with all of them.
	 */
	@PutMapping("/api/me/notification-preferences")
	Map<String, Boolean> prefer(@AuthenticationPrincipal CurrentUser me, @RequestBody Map<String, Object> changes) {
		return this.preferences.change(me.id(), changes);
	}

	/**
	 * Newest first; {@code before} pages back by notification id.
	 */
	@GetMapping("/api/notifications")
	NotificationInbox.NotificationPage list(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(defaultValue = "false") boolean unreadOnly, @RequestParam @Nullable Long before,
			@RequestParam(defaultValue = "50") int limit) {
		return this.inbox.page(me.id(), unreadOnly, (before != null) ? before : Long.MAX_VALUE,
				PageSize.of(limit, 50, MAX_PAGE));
	}

	/**
	 * A publisher's notification for many users ({@code PUBLISHER} or {@code ADMIN}):
	 * {@code 201} with what was stored, also when an {@code Idempotency-Key} repeats an
	 * earlier request, which {@code Idempotent-Replayed: true} then says.
	 */
	@PostMapping("/api/notifications")
	ResponseEntity<PublicationResult> publish(@AuthenticationPrincipal CurrentUser me,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			@RequestBody Publication publication) {
		if (!me.has(Role.PUBLISHER) && !me.has(Role.ADMIN)) {
			throw RequestRefused.forbidden("only publishers and admins publish notifications");
		}
		PublicationResult result = this.publisher.publish(Publisher.user(me), publication, idempotencyKey);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Idempotent-Replayed", String.valueOf(result.replayed()))
			.body(result);
	}

	@PostMapping("/api/notifications/{id}/read")
	ResponseEntity<Void> read(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		this.inbox.markRead(me.id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/notifications/read-all")
	ResponseEntity<Void> readAll(@AuthenticationPrincipal CurrentUser me) {
		this.inbox.markAllRead(me.id());
		return ResponseEntity.noContent().build();
	}

}
