package io.switchboard.user;

/**
 * Server-wide roles, carried in the token's {@code roles} claim. Everyone is a member;
 * these are the extra ones.
 */
public enum Role {

	ADMIN, MODERATOR, PUBLISHER

}
