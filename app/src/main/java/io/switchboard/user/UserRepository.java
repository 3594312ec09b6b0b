package io.switchboard.user;

import java.util.Collection;
import java.util.List;
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
	@Query("select u from UserAccount u where u.roles like '%ADMIN%' and u.disabled = false")
	List<UserAccount> findEnabledAdminsForUpdate();

	List<UserAccount> findByDisabledFalseAndUsernameStartingWithIgnoreCaseOrDisabledFalseAndDisplayNameStartingWithIgnoreCase(
			String username, String displayName, Pageable pageable);

	Slice<UserAccount> findByUsernameStartingWithIgnoreCaseOrDisplayNameStartingWithIgnoreCase(String username,
			String displayName, Pageable pageable);

}
