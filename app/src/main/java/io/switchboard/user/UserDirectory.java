package io.switchboard.user;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.switchboard.system.ControlCharacters;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks users up for the other features and provisions the ones an external issuer
 * vouches for.
 */
@Service
public class UserDirectory {

	private static final int MAX_USERNAME_LENGTH = 32;

	private final UserRepository users;

	private final TransactionTemplate transactions;

	private final NamedParameterJdbcTemplate jdbc;

	private final Workspaces workspaces;

	UserDirectory(UserRepository users, TransactionTemplate transactions, NamedParameterJdbcTemplate jdbc,
			Workspaces workspaces) {
		this.workspaces = workspaces;
		this.users = users;
		this.transactions = transactions;
		this.jdbc = jdbc;
	}

	public Optional<LocalCredentials> localCredentials(String username) {
		return this.users.findByUsername(normalize(username))
			.map((account) -> new LocalCredentials(account.access(), account.passwordHash()));
	}

	/**
	 * The built-in account a token names by its id, with the roles it has now: a role an
	 * admin takes away is gone from the next request on.
	 */
	public Optional<AccountAccess> account(long id) {
		return this.users.findById(id).map(UserAccount::access);
	}

	/**
	 * Whether the user exists and belongs to the workspace.
	 */
	public boolean inWorkspace(long userId, long workspaceId) {
		return this.users.findById(userId).filter((account) -> account.workspaceId() == workspaceId).isPresent();
	}

	/**
	 * The hash to check the user's password against, if they have one.
	 */
	public Optional<String> passwordHash(long id) {
		return this.users.findById(id).map(UserAccount::passwordHash);
	}

	/**
	 * The version a new token for the user carries, if there is such a user.
	 */
	public Optional<Integer> tokenVersion(long id) {
		return this.users.findById(id).map(UserAccount::tokenVersion);
	}

	/**
	 * The user behind an external identity, created on first sight, with the roles the
	 * issuer grants. Two sessions that show up at once with the same new identity get the
	 * same user.
	 */
	public AccountAccess provision(ExternalIdentity identity) {
		Optional<UserAccount> existing = this.users.findByExternalId(identity.subject());
		if (existing.isPresent()) {
			return external(existing.get(), identity);
		}
		try {
			UserAccount created = this.transactions
				.execute((status) -> this.users.saveAndFlush(new UserAccount(workspaceOf(identity),
						freeUsername(identity), displayName(identity), null, identity.subject(), Set.of())));
			return external(created, identity);
		}
		catch (DataIntegrityViolationException raced) {
			return external(this.users.findByExternalId(identity.subject()).orElseThrow(() -> raced), identity);
		}
	}

	private static AccountAccess external(UserAccount account, ExternalIdentity identity) {
		return new AccountAccess(account.asCurrentUser(identity.roles()), account.disabled(), account.tokenVersion());
	}

	/**
	 * A built-in account in the default workspace.
	 */
	public CurrentUser createLocal(String username, String displayName, String passwordHash, Set<Role> roles) {
		return createLocal(this.workspaces.defaultWorkspace().id(), username, displayName, passwordHash, roles);
	}

	public CurrentUser createLocal(long workspaceId, String username, String displayName, String passwordHash,
			Set<Role> roles) {
		UserAccount account = this.users
			.saveAndFlush(new UserAccount(workspaceId, normalize(username), displayName, passwordHash, null, roles));
		return account.asCurrentUser(roles);
	}

	private long workspaceOf(ExternalIdentity identity) {
		String name = (identity.workspace() != null) ? ControlCharacters.removed(identity.workspace()).strip() : "";
		return name.isEmpty() ? this.workspaces.defaultWorkspace().id() : this.workspaces.namedOrCreated(name).id();
	}

	/**
	 * The users as messages show them, each with their badge of the highest priority: one
	 * query, which a batch of messages makes once for all its senders.
	 */
	public Map<Long, UserSummary> summaries(Collection<Long> ids) {
		return summaries(ids, null);
	}

	/**
	 * Those of the users who belong to the workspace, as {@link #summaries(Collection)}
	 * shows them: anyone else is as if they did not exist.
	 */
	public Map<Long, UserSummary> summariesIn(long workspaceId, Collection<Long> ids) {
		return summaries(ids, workspaceId);
	}

	private Map<Long, UserSummary> summaries(Collection<Long> ids, @Nullable Long workspaceId) {
		Map<Long, UserSummary> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		Map<Long, Integer> priorities = new HashMap<>();
		MapSqlParameterSource parameters = new MapSqlParameterSource("ids", Set.copyOf(ids));
		if (workspaceId != null) {
			parameters.addValue("workspace", workspaceId);
		}
		this.jdbc.query(
				"select u.id, u.username, u.display_name, b.name, b.color, b.priority from users u "
						+ "left join user_badges ub on ub.user_id = u.id left join badges b on b.id = ub.badge_id "
						+ "where u.id in (:ids)" + ((workspaceId != null) ? " and u.workspace_id = :workspace" : ""),
				parameters, (RowCallbackHandler) (row) -> {
					long id = row.getLong(1);
					String badge = row.getString(4);
					int priority = row.getInt(6);
					UserSummary seen = found.get(id);
					if (seen == null || (badge != null && (seen.badge() == null || priority > priorities.get(id)
							|| (priority == priorities.get(id) && badge.compareTo(seen.badge().name()) < 0)))) {
						found.put(id, new UserSummary(id, row.getString(2), row.getString(3),
								(badge != null) ? new BadgeLabel(badge, row.getString(5)) : null));
						priorities.put(id, priority);
					}
				});
		return found;
	}

	public List<UserSummary> findByUsernames(Collection<String> usernames) {
		Set<String> normalized = usernames.stream().map(UserDirectory::normalize).collect(Collectors.toSet());
		return this.users.findByUsernameIn(normalized).stream().map(UserAccount::summary).toList();
	}

	private String freeUsername(ExternalIdentity identity) {
		String wanted = normalize(
				(identity.preferredUsername() != null) ? identity.preferredUsername() : identity.subject());
		if (wanted.isEmpty() || wanted.startsWith(UserAccount.ERASED_PREFIX)) {
			wanted = normalize("user" + wanted);
		}
		String candidate = wanted;
		for (int suffix = 2; this.users.existsByUsername(candidate); suffix++) {
			String tail = "-" + suffix;
			candidate = wanted.substring(0, Math.min(wanted.length(), MAX_USERNAME_LENGTH - tail.length())) + tail;
		}
		return candidate;
	}

	/**
	 * Whatever the issuer's claims hold, without the control characters no name may have.
	 */
	private static String displayName(ExternalIdentity identity) {
		String name = (identity.displayName() != null) ? ControlCharacters.removed(identity.displayName()).strip() : "";
		if (!name.isEmpty()) {
			return name;
		}
		return ControlCharacters
			.removed((identity.preferredUsername() != null) ? identity.preferredUsername() : identity.subject());
	}

	/**
	 * User names are lower case and limited to characters a mention can carry.
	 */
	static String normalize(String username) {
		String cleaned = username.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "");
		return cleaned.substring(0, Math.min(cleaned.length(), MAX_USERNAME_LENGTH));
	}

}
