package io.switchboard.user;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	Optional<UserAccount> findByExternalId(String externalId);

	List<UserAccount> findByUsernameIn(Collection<String> usernames);

	boolean existsByUsername(String username);

	/**
	 * The account, its row locked until the transaction ends.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.id = :id")
	Optional<UserAccount> findForUpdate(long id);

	/**
	 * Enabled ADMINs, their rows locked: a change that would leave none waits for any
	 * other change to them.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.workspaceId = :workspaceId and u.roles like '%ADMIN%' and u.disabled = false")
	List<UserAccount> findEnabledAdminsForUpdate(long workspaceId);

	/**
	 * Accounts of the workspace whose user name or display name starts with a
	 * {@link #likePrefix} pattern, ignoring case.
	 */
	@Query("""
			select u from UserAccount u where u.workspaceId = :workspaceId
			  and (lower(u.username) like :prefix escape '!' or lower(u.displayName) like :prefix escape '!')""")
	Slice<UserAccount> findInWorkspace(long workspaceId, String prefix, Pageable pageable);

	/**
	 * Enabled accounts of the workspace whose user name or display name starts with a
	 * {@link #likePrefix} pattern, ignoring case.
	 */
	@Query("""
			select u from UserAccount u where u.workspaceId = :workspaceId and u.disabled = false
			  and (lower(u.username) like :prefix escape '!' or lower(u.displayName) like :prefix escape '!')""")
	List<UserAccount> findEnabledInWorkspace(long workspaceId, String prefix, Pageable pageable);

	/**
	 * A query's text as a {@code like} pattern that matches it as a prefix, its own
	 * {@code %}, {@code _} and {@code !} taken literally.
	 */
	static String likePrefix(String query) {
		return query.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

}
