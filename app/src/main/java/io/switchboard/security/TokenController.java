package io.switchboard.security;

import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.LocalCredentials;
import io.switchboard.user.UserDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@OnBuiltInTokens
class TokenController {

	private final UserDirectory users;

	private final PasswordEncoder passwords;

	private final TokenIssuer tokens;

	TokenController(UserDirectory users, PasswordEncoder passwords, TokenIssuer tokens) {
		this.users = users;
		this.passwords = passwords;
		this.tokens = tokens;
	}

	@PostMapping("/api/auth/token")
	TokenIssuer.AccessToken token(@Valid @RequestBody TokenRequest request) {
		LocalCredentials credentials = this.users.localCredentials(request.username())
			.filter((found) -> found.passwordHash() != null
					&& this.passwords.matches(request.password(), found.passwordHash()))
			.orElseThrow(() -> new RequestRefused(ErrorCode.UNAUTHORIZED, "bad username or password"));
		return this.tokens.issue(credentials.user());
	}

	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {

		@Override
		public String toString() {
			return "TokenRequest[username=" + this.username + ", password=<hidden>]";
		}

	}

}
