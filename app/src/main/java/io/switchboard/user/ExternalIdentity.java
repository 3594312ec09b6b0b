package io.switchboard.user;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A user as an external token issuer describes them.
 *
 * @param subject the issuer's stable id for the user (the {@code sub} claim)
 * @param preferredUsername the name the user would like, if the issuer says
 * @param displayName the name to show, if the issuer says
 * @param roles the roles the token grants
 * @param workspace the workspace the issuer names, or {@code null} for the default one;
 * created on first sight, and fixed once the user is
 */
public record ExternalIdentity(String subject, @Nullable String preferredUsername, @Nullable String displayName,
		Set<Role> roles, @Nullable String workspace) {

}
