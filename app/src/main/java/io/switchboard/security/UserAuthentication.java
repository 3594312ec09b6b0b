package io.switchboard.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.broker.ExpiringPrincipal;
import io.switchboard.broker.WorkspaceMember;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated user, over HTTP or STOMP. Its name is the user's id, which is what
 * {@code /user/...} destinations resolve against: ids never change, user names might.
 */
final class UserAuthentication extends AbstractAuthenticationToken implements ExpiringPrincipal, WorkspaceMember {

	private final CurrentUser user;

	private final @Nullable Instant expiresAt;

	private final @Nullable Integer tokenVersion;

	private final @Nullable Instant signedInAt;

	/**
	 * @param tokenVersion the account's token version the token carried; {@code null} for
	 * an external issuer's token
	 * @param signedInAt when the built-in session the token belongs to began with a
	 * password; {@code null} for an external issuer's token
	 */
	UserAuthentication(CurrentUser user, @Nullable Instant expiresAt, @Nullable Integer tokenVersion,
			@Nullable Instant signedInAt) {
		super(authorities(user));
		this.user = user;
		this.expiresAt = expiresAt;
		this.tokenVersion = tokenVersion;
		this.signedInAt = signedInAt;
		setAuthenticated(true);
	}

	@Override
	public CurrentUser getPrincipal() {
		return this.user;
	}

	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

	@Override
	public String getName() {
		return Long.toString(this.user.id());
	}

	public CurrentUser user() {
		return this.user;
	}

	@Override
	public long workspaceId() {
		return this.user.workspaceId();
	}

	@Override
	public @Nullable Instant expiresAt() {
		return this.expiresAt;
	}

	@Nullable Integer tokenVersion() {
		return this.tokenVersion;
	}

	@Nullable Instant signedInAt() {
		return this.signedInAt;
	}

	public boolean isExpired(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	private static List<GrantedAuthority> authorities(CurrentUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_MEMBER"));
		for (Role role : user.roles()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
		}
		return authorities;
	}

}
