package io.switchboard.user;

import java.net.URI;
import java.util.Set;

import io.switchboard.system.PlainText;
import io.switchboard.system.RequestRefused;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/users}: accounts, for ADMINs only (the HTTP security rules say so).
 */
@RestController
class UserAdminController {

	/** What a user name may be: what mentions carry. */
	static final String USERNAME = "[a-z0-9_.-]{1,32}";

	static final String USERNAME_RULE = "must be 1 to 32 of a-z 0-9 _ . -";

	private final UserAdministration administration;

	UserAdminController(UserAdministration administration) {
		this.administration = administration;
	}

	@PostMapping("/api/admin/users")
	ResponseEntity<AccountView> create(@AuthenticationPrincipal CurrentUser me,
			@Valid @RequestBody NewAccount request) {
		AccountView created = this.administration.create(me.workspaceId(), request.username(), request.password(),
				request.displayName(), (request.roles() != null) ? request.roles() : Set.of());
		return ResponseEntity.created(URI.create("/api/admin/users/" + created.id())).body(created);
	}

	@GetMapping("/api/admin/users")
	UserAdministration.AccountPage list(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(defaultValue = "") @Size(max = 100) @PlainText String query,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page) {
		return this.administration.list(me.workspaceId(), query, page);
	}

	@GetMapping("/api/admin/users/{id}")
	AccountView get(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		return this.administration.find(me.workspaceId(), id)
			.orElseThrow(() -> RequestRefused.notFound("no user " + id));
	}

	@PatchMapping("/api/admin/users/{id}")
	AccountView update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@Valid @RequestBody AccountChanges request) {
		return this.administration.update(me.workspaceId(), id, request.displayName(), request.roles(),
				request.disabled());
	}

	@PostMapping("/api/admin/users/{id}/password")
	ResponseEntity<Void> setPassword(@AuthenticationPrincipal CurrentUser me, @PathVariable long id,
			@Valid @RequestBody NewPassword request) {
		this.administration.setPassword(me.workspaceId(), id, request.password());
		return ResponseEntity.noContent().build();
	}

	/**
	 * User names are what mentions carry: lower case letters, digits, {@code _ . -}.
	 */
	record NewAccount(@NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
			@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
			@Nullable @Size(min = 1, max = 100) @PlainText String displayName, @Nullable Set<@NotNull Role> roles) {

		@Override
		public String toString() {
			return "NewAccount[username=" + this.username + ", password=<hidden>]";
		}

	}

	record AccountChanges(@Nullable @Size(min = 1, max = 100) @PlainText String displayName,
			@Nullable Set<@NotNull Role> roles, @Nullable Boolean disabled) {

	}

	record NewPassword(@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password) {

		@Override
		public String toString() {
			return "NewPassword[<hidden>]";
		}

	}

}
