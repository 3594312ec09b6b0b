package io.switchboard.user;

import java.net.URI;
import java.util.List;

import io.switchboard.system.PlainText;
import io.switchboard.system.RequestRefused;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/workspaces}: the operator, an ADMIN of the {@code default} workspace,
 * creates workspaces with their first admin and lists them. That is all the operator may
 * do about other workspaces.
 */
@RestController
class WorkspaceAdminController {

	private final Workspaces workspaces;

	WorkspaceAdminController(Workspaces workspaces) {
		this.workspaces = workspaces;
	}

	@PostMapping("/api/admin/workspaces")
	ResponseEntity<Workspaces.Summary> create(@AuthenticationPrincipal CurrentUser me,
			@Valid @RequestBody NewWorkspace request) {
		requireOperator(me);
		Workspaces.Summary created = this.workspaces.create(request.name().strip(), request.admin().username(),
				request.admin().password());
		return ResponseEntity.created(URI.create("/api/admin/workspaces")).body(created);
	}

	@GetMapping("/api/admin/workspaces")
	List<Workspaces.Summary> list(@AuthenticationPrincipal CurrentUser me) {
		requireOperator(me);
		return this.workspaces.summaries();
	}

	private void requireOperator(CurrentUser me) {
		if (me.workspaceId() != this.workspaces.defaultWorkspace().id()) {
			throw RequestRefused.forbidden("only admins of the default workspace manage workspaces");
		}
	}

	record NewWorkspace(@NotNull @Size(min = 1, max = 64) @Pattern(regexp = ".*\\S.*") @PlainText String name,
			@NotNull @Valid FirstAdmin admin) {

	}

	record FirstAdmin(
			@NotNull @Pattern(regexp = UserAdminController.USERNAME,
					message = UserAdminController.USERNAME_RULE) String username,
			@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password) {

		@Override
		public String toString() {
			return "FirstAdmin[username=" + this.username + ", password=<hidden>]";
		}

	}

}
