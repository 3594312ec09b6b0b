package io.switchboard.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.switchboard.user.AccountAccess;
import io.switchboard.user.ExternalIdentity;
import io.switchboard.user.Role;
import io.switchboard.user.UserDirectory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a validated JWT into the user it names: a built-in account by its id, refused
 * once the account is disabled or its password changed, or an external issuer's subject,
 * provisioned on first sight.
 */
@Component
class UserAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final UserDirectory users;

	private final boolean externalIssuer;

	private final String workspaceClaim;

	UserAuthenticationConverter(UserDirectory users, Environment environment, SecuritySettings settings) {
		this.workspaceClaim = settings.workspaceClaim();
		this.users = users;
		this.externalIssuer = OnBuiltInTokens.Condition.externalIssuerConfigured(environment);
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String subject = jwt.getSubject();
		if (subject == null || subject.isBlank()) {
			throw new InvalidBearerTokenException("token has no subject");
		}
		if (this.externalIssuer) {
			AccountAccess account = this.users
				.provision(new ExternalIdentity(subject, jwt.getClaimAsString("preferred_username"),
						jwt.getClaimAsString("name"), roles(jwt), jwt.getClaimAsString(this.workspaceClaim)));
			refuseIfStale(account, null);
			return new UserAuthentication(account.user(), jwt.getExpiresAt(), null, null);
		}
		AccountAccess account = builtInAccount(subject)
			.orElseThrow(() -> new InvalidBearerTokenException("token names an unknown user"));
		int version = version(jwt);
		refuseIfStale(account, version);
		return new UserAuthentication(account.user(), jwt.getExpiresAt(), version, signedInAt(jwt));
	}

	/** Tokens issued before sessions had an age began their session when issued. */
	private static @Nullable Instant signedInAt(Jwt jwt) {
		Instant signedInAt = jwt.hasClaim(TokenIssuer.SIGNED_IN_CLAIM)
				? jwt.getClaimAsInstant(TokenIssuer.SIGNED_IN_CLAIM) : null;
		return (signedInAt != null) ? signedInAt : jwt.getIssuedAt();
	}

	private static void refuseIfStale(AccountAccess account, @Nullable Integer version) {
		String refusal = account.refusal(version);
		if (refusal != null) {
			throw new InvalidBearerTokenException(refusal);
		}
	}

	/**
	 * Built-in tokens name their user by id; one that names a user any other way names
	 * nobody.
	 */
	private Optional<AccountAccess> builtInAccount(String subject) {
		try {
			return this.users.account(Long.parseLong(subject));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static int version(Jwt jwt) {
		Object claim = jwt.getClaim(TokenIssuer.VERSION_CLAIM);
		if (claim instanceof Number number) {
			return number.intValue();
		}
		throw new InvalidBearerTokenException("token has no version");
	}

	private static Set<Role> roles(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		List<String> claimed = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
		for (String name : claimed) {
			for (Role role : Role.values()) {
				if (role.name().equals(name.toUpperCase(Locale.ROOT))) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

}
