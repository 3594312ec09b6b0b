package io.switchboard.user;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
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

	UserDirectory(UserRepository users, TransactionTemplate transactions) {
		this.users = users;
		this.transactions = transactions;
	}

	public Optional<LocalCredentials> localCredentials(String username) {
		return this.users.findByUsername(username)
			.map((account) -> new LocalCredentials(account.asCurrentUser(account.roles()), account.passwordHash()));
	}

	/**
	 * The built-in user a token names, with the roles that the token grants.
	 */
	public Optional<CurrentUser> findLocal(String username, Set<Role> grantedRoles) {
		return this.users.findByUsername(username).map((account) -> account.asCurrentUser(grantedRoles));
	}

	/**
	 * The user behind an external identity, created on first sight. Two sessions that
	 * show up at once with the same new identity get the same user.
	 */
	public CurrentUser provision(ExternalIdentity identity) {
		Optional<UserAccount> existing = this.users.findByExternalId(identity.subject());
		if (existing.isPresent()) {
			return existing.get().asCurrentUser(identity.roles());
		}
		try {
			UserAccount created = this.transactions
				.execute((status) -> this.users.saveAndFlush(new UserAccount(freeUsername(identity),
						displayName(identity), null, identity.subject(), Set.of())));
			return created.asCurrentUser(identity.roles());
		}
		catch (DataIntegrityViolationException raced) {
			return this.users.findByExternalId(identity.subject())
				.orElseThrow(() -> raced)
				.asCurrentUser(identity.roles());
		}
	}

	public CurrentUser createLocal(String username, String displayName, String passwordHash, Set<Role> roles) {
		UserAccount account = this.users
			.saveAndFlush(new UserAccount(normalize(username), displayName, passwordHash, null, roles));
		return account.asCurrentUser(roles);
	}

	public Optional<UserSummary> find(long id) {
		return this.users.findById(id).map(UserAccount::summary);
	}

	public Map<Long, UserSummary> summaries(Collection<Long> ids) {
		return this.users.findAllById(Set.copyOf(ids))
			.stream()
			.map(UserAccount::summary)
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
	}

	public List<UserSummary> findByUsernames(Collection<String> usernames) {
		Set<String> normalized = usernames.stream().map(UserDirectory::normalize).collect(Collectors.toSet());
		return this.users.findByUsernameIn(normalized).stream().map(UserAccount::summary).toList();
	}

	private String freeUsername(ExternalIdentity identity) {
		String wanted = normalize(
				(identity.preferredUsername() != null) ? identity.preferredUsername() : identity.subject());
		if (wanted.isEmpty()) {
			wanted = "user";
		}
		String candidate = wanted;
		for (int suffix = 2; this.users.existsByUsername(candidate); suffix++) {
			String tail = "-" + suffix;
			candidate = wanted.substring(0, Math.min(wanted.length(), MAX_USERNAME_LENGTH - tail.length())) + tail;
		}
		return candidate;
	}

	private static String displayName(ExternalIdentity identity) {
		if (identity.displayName() != null && !identity.displayName().isBlank()) {
			return identity.displayName().strip();
		}
		return (identity.preferredUsername() != null) ? identity.preferredUsername() : identity.subject();
	}

	/**
	 * User names are lower case and limited to characters a mention can carry.
	 */
	static String normalize(String username) {
		String cleaned = username.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "");
		return cleaned.substring(0, Math.min(cleaned.length(), MAX_USERNAME_LENGTH));
	}

}
