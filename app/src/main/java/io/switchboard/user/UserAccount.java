package io.switchboard.user;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import io.switchboard.system.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * A stored user: a built-in account with a password, or one provisioned on first sight
 * from an external issuer's token.
 */
@Entity
@Table(name = "users")
class UserAccount {

	/** Erased accounts' user names start with it, so no one else may take such a name. */
	static final String ERASED_PREFIX = "deleted-";

	/** Names that mention many at once ({@code @channel}, {@code @here}), no one's. */
	static final Set<String> BROADCAST_NAMES = Set.of("channel", "here", "everyone");

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	@Column(name = "password_hash")
	private @Nullable String passwordHash;

	@Column(name = "external_id", unique = true)
	private @Nullable String externalId;

	/**
	 * Comma-separated {@link Role} names; few enough that a join table is not worth it.
	 */
	@Column(nullable = false)
	private String roles;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "workspace_id", nullable = false)
	private long workspaceId;

	@Column(nullable = false)
	private boolean disabled;

	@Column(name = "avatar_url")
	private @Nullable String avatarUrl;

	/** Carried in every token issued for the account; raised to refuse all of them. */
	@Column(name = "token_version", nullable = false)
	private int tokenVersion;

	protected UserAccount() {
		this.username = "";
		this.displayName = "";
		this.roles = "";
		this.createdAt = Instant.EPOCH;
	}

	UserAccount(long workspaceId, String username, String displayName, @Nullable String passwordHash,
			@Nullable String externalId, Set<Role> roles) {
		this.workspaceId = workspaceId;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.externalId = externalId;
		this.roles = join(roles);
		this.createdAt = Timestamps.now();
	}

	long id() {
		if (this.id == null) {
			throw new IllegalStateException("user not stored yet");
		}
		return this.id;
	}

	String username() {
		return this.username;
	}

	@Nullable String passwordHash() {
		return this.passwordHash;
	}

	Set<Role> roles() {
		EnumSet<Role> result = EnumSet.noneOf(Role.class);
		Arrays.stream(this.roles.split(",")).filter((name) -> !name.isBlank()).map(Role::valueOf).forEach(result::add);
		return result;
	}

	String displayName() {
		return this.displayName;
	}

	@Nullable String avatarUrl() {
		return this.avatarUrl;
	}

	boolean disabled() {
		return this.disabled;
	}

	boolean erased() {
		return this.disabled && this.username.startsWith(ERASED_PREFIX) && this.passwordHash == null;
	}

	boolean enabledAdmin() {
		return !this.disabled && roles().contains(Role.ADMIN);
	}

	int tokenVersion() {
		return this.tokenVersion;
	}

	long workspaceId() {
		return this.workspaceId;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * What decides whether a token for this account still counts.
	 */
	AccountAccess access() {
		return new AccountAccess(asCurrentUser(roles()), this.disabled, this.tokenVersion);
	}

	void rename(String displayName) {
		this.displayName = displayName;
	}

	void showAvatar(@Nullable String avatarUrl) {
		this.avatarUrl = avatarUrl;
	}

	void grant(Set<Role> roles) {
		this.roles = join(roles);
	}

	/**
	 * Disabling ends every token issued so far: enabling again does not bring them back.
	 */
	void disable(boolean disabled) {
		if (disabled && !this.disabled) {
			this.tokenVersion++;
		}
		this.disabled = disabled;
	}

	/**
	 * Erasure: what identifies the person goes; the row stays, so that messages keep a
	 * sender, shown as {@code deleted-<id>}.
	 */
	void erase() {
		this.username = UserAccount.ERASED_PREFIX + id();
		this.displayName = "Deleted user";
		this.passwordHash = null;
		this.externalId = null;
		this.avatarUrl = null;
		this.roles = "";
		this.disabled = true;
		this.tokenVersion++;
	}

	/**
	 * A new password ends every token issued with the old one.
	 */
	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.tokenVersion++;
	}

	CurrentUser asCurrentUser(Set<Role> grantedRoles) {
		return new CurrentUser(id(), this.username, this.displayName, grantedRoles, this.workspaceId);
	}

	/**
	 * Without a badge: {@link UserDirectory#summaries} reads those.
	 */
	UserSummary summary() {
		return new UserSummary(id(), this.username, this.displayName, null);
	}

	private static String join(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

}
