package io.switchboard.notification;

import java.util.Map;

import io.switchboard.system.PageSize;
import io.switchboard.user.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NotificationController {

	private static final int MAX_PAGE = 100;

	private final NotificationInbox inbox;

	private final NotificationPreferences preferences;

	NotificationController(NotificationInbox inbox, NotificationPreferences preferences) {
		this.inbox = inbox;
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
