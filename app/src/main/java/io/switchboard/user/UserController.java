package io.switchboard.user;

import java.util.List;

import io.switchboard.system.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/me}, a user's own profile, and {@code /api/users}, the directory in which
 * people find each other.
 */
@RestController
class UserController {

	private final UserProfiles profiles;

	UserController(UserProfiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/api/me")
	Profile me(@AuthenticationPrincipal CurrentUser me) {
		return this.profiles.profile(me);
	}

	@PatchMapping("/api/me")
	Profile change(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody ProfileChanges changes) {
		return this.profiles.change(me, changes.displayName(), changes.avatarUrl());
	}

	@GetMapping("/api/users")
	List<DirectoryEntry> directory(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(defaultValue = "") @Size(max = 100) @PlainText String query,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
		return this.profiles.directory(me.workspaceId(), query, limit);
	}

	/**
	 * @param avatarUrl an {@code http} or {@code https} URL, or {@code ""} to remove it
	 */
	record ProfileChanges(@Nullable @Size(min = 1, max = 100) @PlainText String displayName,
			@Nullable @Size(max = 500) @PlainText String avatarUrl) {

	}

}
