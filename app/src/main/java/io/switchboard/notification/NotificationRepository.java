package io.switchboard.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	List<Notification> findByUserIdAndIdLessThanOrderByIdDesc(long userId, long beforeId, Limit limit);

	List<Notification> findByUserIdAndIdLessThanAndReadAtIsNullOrderByIdDesc(long userId, long beforeId, Limit limit);

	long countByUserIdAndReadAtIsNull(long userId);

	Optional<Notification> findByIdAndUserId(long id, long userId);

	@Modifying
	@Query("update Notification n set n.readAt = :when where n.userId = :userId and n.readAt is null")
	int markAllRead(long userId, Instant when);

	/**
	 * What quotes a message that was edited or deleted quotes it as it is now.
	 */
	@Modifying
	@Query("update Notification n set n.body = :body where n.messageId = :messageId")
	int requote(long messageId, String body);

}
