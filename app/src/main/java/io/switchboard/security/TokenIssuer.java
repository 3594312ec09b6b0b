package io.switchboard.security;

import java.time.Instant;

import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import io.switchboard.user.UserDirectory;

import org.springframework.security.oauth2.jose.jws.JwsAlgorithms;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues access tokens for built-in accounts.
 */
@Component
@OnBuiltInTokens
public class TokenIssuer {

	/** The account's token version when the token was issued. */
	static final String VERSION_CLAIM = "ver";

	/**
	 * When the user last signed in with a password (OpenID Connect's name for it); a
	 * renewed token carries it forward, so that renewing cannot outlast the session's
	 * maximum age.
	 */
	static final String SIGNED_IN_CLAIM = "auth_time";

	private final JwtEncoder encoder;

	private final SecuritySettings settings;

	private final UserDirectory users;

	TokenIssuer(JwtEncoder encoder, SecuritySettings settings, UserDirectory users) {
		this.encoder = encoder;
		this.settings = settings;
		this.users = users;
	}

	public AccessToken issue(CurrentUser user) {
		return issue(user, this.users.tokenVersion(user.id()).orElse(0));
	}

	/**
	 * A token carrying the version read together with the check that allowed it, so that
	 * a password set in between ends it too.
	 */
	AccessToken issue(CurrentUser user, int tokenVersion) {
		return issue(user, tokenVersion, Instant.now());
	}

	/**
	 * A fresh token for a session that signed in at {@code signedInAt}, with the version
	 * its current token carried: a password set since then ends the new one too.
	 */
	AccessToken renew(CurrentUser user, int tokenVersion, Instant signedInAt) {
		return issue(user, tokenVersion, signedInAt);
	}

	private AccessToken issue(CurrentUser user, int tokenVersion, Instant signedInAt) {
		Instant now = Instant.now();
		Instant expiresAt = now.plus(this.settings.tokenTtl());
		return new AccessToken(encode(user, tokenVersion, signedInAt, now, expiresAt), "Bearer",
				this.settings.tokenTtl().toSeconds());
	}

	/**
	 * A token with the given validity window; for tests of expiry. Its subject is the
	 * user's id, never the name, which erasure frees for someone else; it carries the
	 * account's token version, so a password change ends it.
	 */
	public String encode(CurrentUser user, Instant issuedAt, Instant expiresAt) {
		return encode(user, issuedAt, issuedAt, expiresAt);
	}

	/** As {@link #encode(CurrentUser, Instant, Instant)}, for a session begun earlier. */
	public String encode(CurrentUser user, Instant signedInAt, Instant issuedAt, Instant expiresAt) {
		return encode(user, this.users.tokenVersion(user.id()).orElse(0), signedInAt, issuedAt, expiresAt);
	}

	private String encode(CurrentUser user, int tokenVersion, Instant signedInAt, Instant issuedAt, Instant expiresAt) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.settings.issuer())
			.subject(Long.toString(user.id()))
			.claim(VERSION_CLAIM, tokenVersion)
			.claim(SIGNED_IN_CLAIM, signedInAt.getEpochSecond())
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.claim("roles", user.roles().stream().map(Role::name).sorted().toList())
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.from(JwsAlgorithms.HS256)).build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	/**
	 * The body of {@code POST /api/auth/token}.
	 */
	public record AccessToken(String accessToken, String tokenType, long expiresIn) {

	}

}
