package io.switchboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.switchboard.limit.RateLimits;
import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.LocalCredentials;
import io.switchboard.user.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
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

	private final String unknownUserHash;

	private final RateLimits limits;

	private final Duration sessionMaxAge;

	TokenController(UserDirectory users, PasswordEncoder passwords, TokenIssuer tokens, RateLimits limits,
			SecuritySettings settings) {
		this.limits = limits;
		this.sessionMaxAge = settings.sessionMaxAge();
		this.users = users;
		this.passwords = passwords;
		this.tokens = tokens;
		this.unknownUserHash = passwords.encode("no such user");
	}

	/**
	 * Limited twice against guessing: requests per client address, and failed attempts
	 * per username, whichever address they come from.
	 */
	@PostMapping("/api/auth/token")
	TokenIssuer.AccessToken token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		this.limits.tokenRequest(http.getRemoteAddr()).orRefuse("token requests from this address");
		this.limits.tokenAttempt(request.username()).orRefuse("failed sign-ins for " + request.username());
		TokenIssuer.AccessToken token = issue(request);
		this.limits.tokenSucceeded(request.username());
		return token;
	}

	/**
	 * A new token for the bearer of a valid one, so that a signed-in client stays signed
	 * in without keeping the password: until {@code session-max-age} after the password
	 * sign-in its tokens descend from. The authentication filter has refused an expired
	 * token, a disabled account and a changed password already.
	 */
	@PostMapping("/api/auth/token/renew")
	TokenIssuer.AccessToken renew(Authentication authentication) {
		if (!(authentication instanceof UserAuthentication user) || user.tokenVersion() == null
				|| user.signedInAt() == null) {
			throw new RequestRefused(ErrorCode.UNAUTHORIZED, "only this server's own tokens can be renewed");
		}
		Instant signedInAt = user.signedInAt();
		if (!Instant.now().isBefore(signedInAt.plus(this.sessionMaxAge))) {
			throw new RequestRefused(ErrorCode.UNAUTHORIZED,
					"the session began more than " + describe(this.sessionMaxAge) + " ago; sign in again");
		}
		return this.tokens.renew(user.user(), user.tokenVersion(), signedInAt);
	}

	private static String describe(Duration age) {
		if (age.toHours() >= 48 && age.toHours() % 24 == 0) {
			return age.toDays() + " days";
		}
		return (age.toMinutes() >= 120 && age.toMinutes() % 60 == 0) ? age.toHours() + " hours"
				: age.toSeconds() + " seconds";
	}

	private TokenIssuer.AccessToken issue(TokenRequest request) {
		Optional<LocalCredentials> found = this.users.localCredentials(request.username());
		String hash = found.map(LocalCredentials::passwordHash).orElse(null);
		// An unknown name costs the same hash check as a known one, so response times do
		// not tell which names exist.
		boolean matches = this.passwords.matches(request.password(), (hash != null) ? hash : this.unknownUserHash);
		if (found.isEmpty() || hash == null || !matches) {
			throw new RequestRefused(ErrorCode.UNAUTHORIZED, "bad username or password");
		}
		if (found.get().account().disabled()) {
			throw new RequestRefused(ErrorCode.UNAUTHORIZED, "the account is disabled");
		}
		return this.tokens.issue(found.get().user(), found.get().account().tokenVersion());
	}

	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password) {

		@Override
		public String toString() {
			return "TokenRequest[username=" + this.username + ", password=<hidden>]";
		}

	}

}
