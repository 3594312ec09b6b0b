package io.switchboard.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.switchboard.user.CurrentUser;
import io.switchboard.user.ExternalIdentity;
import io.switchboard.user.Role;
import io.switchboard.user.UserDirectory;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a validated JWT into the user it names: a built-in account by its user name, or
 * an external issuer's subject, provisioned on first sight.
 */
@Component
class UserAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final UserDirectory users;

	private final boolean externalIssuer;

	UserAuthenticationConverter(UserDirectory users, Environment environment) {
		this.users = users;
		this.externalIssuer = OnBuiltInTokens.Condition.externalIssuerConfigured(environment);
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String subject = jwt.getSubject();
		if (subject == null || subject.isBlank()) {
			throw new InvalidBearerTokenException("token has no subject");
		}
		Set<Role> roles = roles(jwt);
		CurrentUser user = this.externalIssuer
				? this.users.provision(new ExternalIdentity(subject, jwt.getClaimAsString("preferred_username"),
						jwt.getClaimAsString("name"), roles))
				: this.users.findLocal(subject, roles)
					.orElseThrow(() -> new InvalidBearerTokenException("token names an unknown user"));
		return new UserAuthentication(user, jwt.getExpiresAt());
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
