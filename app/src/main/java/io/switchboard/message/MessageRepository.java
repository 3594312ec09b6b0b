package io.switchboard.message;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MessageRepository extends JpaRepository<Message, Long> {

	List<Message> findByChannelIdAndSeqLessThanOrderBySeqDesc(long channelId, long seq, Limit limit);

	List<Message> findByChannelIdAndLastSeqGreaterThanOrderByLastSeqAscIdAsc(long channelId, long lastSeq, Limit limit);

	@Query("select m.channelId from Message m where m.id = ?1")
	Optional<Long> findChannelId(long messageId);

	/**
	 * A thread's replies after {@code seq}, oldest first.
	 */
	List<Message> findByReplyToIdAndSeqGreaterThanOrderBySeqAsc(long replyToId, long seq, Limit limit);

	long countByChannelIdAndSeqGreaterThanAndSenderIdNotAndDeletedFalse(long channelId, long seq, long senderId);

}
