package io.switchboard.announcement;

import java.util.List;

import io.switchboard.system.PageSize;
import io.switchboard.system.PlainText;
import io.switchboard.user.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AnnouncementController {

	static final int MAX_PAGE = 100;

	private final Announcements announcements;

	AnnouncementController(Announcements announcements) {
		this.announcements = announcements;
	}

	@PostMapping("/api/announcements")
	@ResponseStatus(HttpStatus.CREATED)
	AnnouncementView post(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody PostAnnouncement request) {
		return this.announcements.post(me, request.title(), request.body(), request.severity());
	}

	@MessageMapping("announcements.post")
	AnnouncementView postOverStomp(@Valid @Payload PostAnnouncement request, @AuthenticationPrincipal CurrentUser me) {
		return this.announcements.post(me, request.title(), request.body(), request.severity());
	}

	/**
	 * {@code ?after=ID&limit=N}: what a client missed, oldest first.
	 */
	@GetMapping("/api/announcements")
	List<AnnouncementView> after(@AuthenticationPrincipal CurrentUser me, @RequestParam @Nullable Long after,
			@RequestParam @Nullable Integer limit) {
		return this.announcements.after(me, (after != null) ? after : 0, PageSize.of(limit, 50, MAX_PAGE));
	}

	record PostAnnouncement(@NotBlank @Size(max = 200) @PlainText String title,
			@NotBlank @Size(max = 4000) @PlainText String body, @NotNull Severity severity) {

		PostAnnouncement {
			title = (title != null) ? title.strip() : null;
			body = (body != null) ? body.strip() : null;
		}

	}

}
