package io.switchboard.user;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.switchboard.system.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/badges} for everyone to see; defining and giving them under
 * {@code /api/admin}, for ADMINs.
 */
@RestController
class BadgeController {

	private final Badges badges;

	BadgeController(Badges badges) {
		this.badges = badges;
	}

	@GetMapping("/api/badges")
	List<Badge> all(@AuthenticationPrincipal CurrentUser me) {
		return this.badges.all(me.workspaceId());
	}

	@PostMapping("/api/admin/badges")
	ResponseEntity<Badge> define(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody NewBadge request) {
		Badge badge = this.badges.define(me.workspaceId(), request.name(), request.color(), request.priority());
		return ResponseEntity.created(URI.create("/api/badges")).body(badge);
	}

	@PutMapping("/api/admin/users/{id}/badges")
	UserBadges give(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@Valid @RequestBody BadgeIds request) {
		return new UserBadges(this.badges.give(me.workspaceId(), id, request.badgeIds()));
	}

	/**
	 * @param color {@code #rrggbb}
	 */
	record NewBadge(@NotNull @Size(min = 1, max = 40) @Pattern(regexp = ".*\\S.*") @PlainText String name,
			@NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}") String color,
			@NotNull @Min(-1_000_000) @Max(1_000_000) Integer priority) {

	}

	record BadgeIds(@NotNull @Size(max = 100) Set<Long> badgeIds) {

	}

	record UserBadges(List<Badge> badges) {

	}

}
