package io.switchboard.notification;

import java.util.List;

import io.switchboard.system.RequestRefused;
import io.switchboard.system.Timestamps;
import io.switchboard.user.CurrentUser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Limit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NotificationController {

	private static final int MAX_PAGE = 100;

	private final NotificationRepository notifications;

	private final JsonMapper json;

	NotificationController(NotificationRepository notifications, JsonMapper json) {
		this.notifications = notifications;
		this.json = json;
	}

	/**
	 * Newest first; {@code before} pages back by notification id.
	 */
	@GetMapping("/api/notifications")
	@Transactional(readOnly = true)
	NotificationPage list(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(defaultValue = "false") boolean unreadOnly, @RequestParam @Nullable Long before,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw RequestRefused.badRequest("limit must be between 1 and " + MAX_PAGE);
		}
		long beforeId = (before != null) ? before : Long.MAX_VALUE;
		List<Notification> page = unreadOnly
				? this.notifications.findByUserIdAndIdLessThanAndReadAtIsNullOrderByIdDesc(me.id(), beforeId,
						Limit.of(limit))
				: this.notifications.findByUserIdAndIdLessThanOrderByIdDesc(me.id(), beforeId, Limit.of(limit));
		return new NotificationPage(
				page.stream().map((n) -> NotificationView.of(n, this.json.readTree(n.data()))).toList(),
				this.notifications.countByUserIdAndReadAtIsNull(me.id()));
	}

	@PostMapping("/api/notifications/{id}/read")
	@Transactional
	ResponseEntity<Void> read(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		this.notifications.findByIdAndUserId(id, me.id())
			.orElseThrow(() -> RequestRefused.notFound("no notification " + id))
			.markRead(Timestamps.now());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/notifications/read-all")
	@Transactional
	ResponseEntity<Void> readAll(@AuthenticationPrincipal CurrentUser me) {
		this.notifications.markAllRead(me.id(), Timestamps.now());
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param notifications the page, newest first
	 * @param unreadCount all of the user's unread notifications, for a badge
	 */
	record NotificationPage(List<NotificationView> notifications, long unreadCount) {

	}

}
