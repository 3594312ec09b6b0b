package io.switchboard.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	Optional<UserAccount> findByExternalId(String externalId);

	List<UserAccount> findByUsernameIn(Collection<String> usernames);

	boolean existsByUsername(String username);

	List<UserAccount> findByDisabledFalseAndUsernameStartingWithIgnoreCaseOrDisabledFalseAndDisplayNameStartingWithIgnoreCase(
			String username, String displayName, Pageable pageable);

	Slice<UserAccount> findByUsernameStartingWithIgnoreCaseOrDisplayNameStartingWithIgnoreCase(String username,
			String displayName, Pageable pageable);

}
