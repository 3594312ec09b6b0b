package io.switchboard.user;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.switchboard.broker.Fanout;
import io.switchboard.system.ErrorCode;
import io.switchboard.system.RequestRefused;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an ADMIN does to accounts: create them, find them, change their roles and names,
 * disable them and set their passwords. A change that ends the account's tokens (a
 * disable, a new password, other roles) also ends its open sessions, on every node, once
 * it commits.
 */
@Service
public class UserAdministration {

	static final int PAGE_SIZE = 50;

	private final UserRepository users;

	private final ObjectProvider<PasswordEncoder> passwords;

	private final TransactionTemplate transactions;

	private final Fanout fanout;

	private final ApplicationEventPublisher events;

	UserAdministration(UserRepository users, ObjectProvider<PasswordEncoder> passwords,
			TransactionTemplate transactions, Fanout fanout, ApplicationEventPublisher events) {
		this.users = users;
		this.passwords = passwords;
		this.transactions = transactions;
		this.fanout = fanout;
		this.events = events;
	}

	/**
	 * Creates a built-in account. It is a member of no channel until it joins one or is
	 * added.
	 */
	public AccountView create(long workspaceId, String username, String password, @Nullable String displayName,
			Set<Role> roles) {
		if (username.startsWith(UserAccount.ERASED_PREFIX)) {
			throw RequestRefused.badRequest(
					"user names starting with '" + UserAccount.ERASED_PREFIX + "' are kept for erased accounts");
		}
		if (UserAccount.BROADCAST_NAMES.contains(username)) {
			throw RequestRefused.badRequest("username: '" + username + "' is kept for @" + username + " mentions");
		}
		String hash = encoder().encode(password);
		if (this.users.existsByUsername(username)) {
			throw taken(username);
		}
		try {
			UserAccount account = this.users.saveAndFlush(new UserAccount(workspaceId, username,
					(displayName != null && !displayName.isBlank()) ? displayName.strip() : username, hash, null,
					roles));
			return AccountView.of(account);
		}
		catch (DataIntegrityViolationException raced) {
			throw taken(username);
		}
	}

	/**
	 * An account of the workspace; one of another workspace is as if it did not exist.
	 */
	public Optional<AccountView> find(long workspaceId, long id) {
		return this.users.findById(id).filter((account) -> account.workspaceId() == workspaceId).map(AccountView::of);
	}

	/**
	 * Accounts whose user name or display name starts with the query, by user name.
	 */
	public AccountPage list(long workspaceId, String query, int page) {
		Slice<UserAccount> found = this.users.findInWorkspace(workspaceId, UserRepository.likePrefix(query),
				PageRequest.of(page, PAGE_SIZE, Sort.by("username")));
		return new AccountPage(found.getContent().stream().map(AccountView::of).toList(), page, found.hasNext());
	}

	/**
	 * Changes what is given and leaves the rest.
	 */
	public AccountView update(long workspaceId, long id, @Nullable String displayName, @Nullable Set<Role> roles,
			@Nullable Boolean disabled) {
		Changed changed = this.transactions.execute((status) -> {
			UserAccount account = liveAccount(workspaceId, id);
			Set<Role> rolesBefore = account.roles();
			int versionBefore = account.tokenVersion();
			boolean wasAdmin = account.enabledAdmin();
			if (displayName != null) {
				account.rename(UserProfiles.requireName(displayName));
			}
			if (roles != null) {
				account.grant(roles);
			}
			if (disabled != null) {
				account.disable(disabled);
			}
			keepAnAdmin(account, wasAdmin);
			boolean endsSessions = account.tokenVersion() != versionBefore || !account.roles().equals(rolesBefore);
			return new Changed(AccountView.of(account), endsSessions);
		});
		if (changed.endsSessions()) {
			this.fanout.sessionsChanged(id);
		}
		return changed.account();
	}

	/**
	 * Sets a new password: every token issued before stops working, and the account's
	 * open sessions close.
	 * @return the version a token issued now carries
	 */
	public int setPassword(long workspaceId, long id, String password) {
		String hash = encoder().encode(password);
		Integer version = this.transactions.execute((status) -> {
			UserAccount account = liveAccount(workspaceId, id);
			account.changePassword(hash);
			return account.tokenVersion();
		});
		this.fanout.sessionsChanged(id);
		return version;
	}

	/**
	 * Erases the account's personal data: its names, password, external identity, avatar,
	 * roles and badges, and (through {@link AccountErased}) what other features keep
	 * about it, such as notifications. Its tokens stop working and its sessions close.
	 * Its messages stay and show the erased sender.
	 */
	public void erase(long workspaceId, long id) {
		this.transactions.executeWithoutResult((status) -> {
			UserAccount account = liveAccount(workspaceId, id);
			boolean wasAdmin = account.enabledAdmin();
			account.erase();
			keepAnAdmin(account, wasAdmin);
			this.events.publishEvent(new AccountErased(id));
		});
		this.fanout.sessionsChanged(id);
	}

	/**
	 * The account, locked for the change; an erased one stays erased.
	 */
	private UserAccount liveAccount(long workspaceId, long id) {
		UserAccount account = this.users.findForUpdate(id)
			.filter((found) -> found.workspaceId() == workspaceId)
			.orElseThrow(() -> RequestRefused.notFound("no user " + id));
		if (account.erased()) {
			throw new RequestRefused(ErrorCode.CONFLICT, "user " + id + " was erased");
		}
		return account;
	}

	/**
	 * Refuses a change that would leave no enabled ADMIN: nobody could administer the
	 * server, and the bootstrap admin is made only for an empty database. The other
	 * admins' rows are locked, so two admins demoting each other at once cannot both
	 * succeed.
	 */
	private void keepAnAdmin(UserAccount changed, boolean wasAdmin) {
		if (wasAdmin && !changed.enabledAdmin()
				&& this.users.findEnabledAdminsForUpdate(changed.workspaceId()).isEmpty()) {
			throw new RequestRefused(ErrorCode.CONFLICT, "that would leave no enabled ADMIN");
		}
	}

	private PasswordEncoder encoder() {
		PasswordEncoder encoder = this.passwords.getIfAvailable();
		if (encoder == null) {
			throw RequestRefused.badRequest("accounts sign in with the external issuer; they have no password here");
		}
		return encoder;
	}

	private static RequestRefused taken(String username) {
		return new RequestRefused(ErrorCode.CONFLICT, "the user name '" + username + "' is taken");
	}

	private record Changed(AccountView account, boolean endsSessions) {

	}

	/**
	 * One page of accounts, and whether another follows.
	 */
	public record AccountPage(List<AccountView> users, int page, boolean hasMore) {

	}

}
