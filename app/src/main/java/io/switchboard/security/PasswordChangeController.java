package io.switchboard.security;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Passwords;
import io.switchboard.user.UserAdministration;
import io.switchboard.user.UserDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/me/password}: a built-in account's own password change. Every token
 * issued before it stops working and every session of the account closes, the caller's
 * included; the answer is a new token, so the caller goes on with it.
 */
@RestController
@OnBuiltInTokens
class PasswordChangeController {

	private final UserDirectory users;

	private final UserAdministration administration;

	private final PasswordEncoder passwords;

	private final TokenIssuer tokens;

	PasswordChangeController(UserDirectory users, UserAdministration administration, PasswordEncoder passwords,
			TokenIssuer tokens) {
		this.users = users;
		this.administration = administration;
		this.passwords = passwords;
		this.tokens = tokens;
	}

	@PostMapping("/api/me/password")
	TokenIssuer.AccessToken change(@AuthenticationPrincipal CurrentUser me,
			@Valid @RequestBody PasswordChange request) {
		String hash = this.users.passwordHash(me.id()).orElse(null);
		if (hash == null || !this.passwords.matches(request.currentPassword(), hash)) {
			throw new RequestRefused(ErrorCode.FORBIDDEN, "the current password is wrong");
		}
		int version = this.administration.setPassword(me.workspaceId(), me.id(), request.newPassword());
		return this.tokens.issue(me, version);
	}

	record PasswordChange(@NotNull @Size(max = Passwords.MAX_LENGTH) String currentPassword,
			@NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String newPassword) {

		@Override
		public String toString() {
			return "PasswordChange[<hidden>]";
		}

	}

}
