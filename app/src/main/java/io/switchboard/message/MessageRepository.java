package io.switchboard.message;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface MessageRepository extends JpaRepository<Message, Long> {

	Optional<Message> findByChannelIdAndSenderIdAndClientMessageId(long channelId, long senderId,
			String clientMessageId);

	List<Message> findByChannelIdAndSeqLessThanOrderBySeqDesc(long channelId, long seq, Limit limit);

	List<Message> findByChannelIdAndLastSeqGreaterThanOrderByLastSeqAsc(long channelId, long lastSeq, Limit limit);

	long countByChannelIdAndSeqGreaterThanAndSenderIdNotAndDeletedFalse(long channelId, long seq, long senderId);

}
