package io.switchboard.message;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface MessageRepository extends JpaRepository<Message, Long> {

	List<Message> findByChannelIdAndSeqLessThanOrderBySeqDesc(long channelId, long seq, Limit limit);

	List<Message> findByChannelIdAndLastSeqGreaterThanOrderByLastSeqAsc(long channelId, long lastSeq, Limit limit);

	long countByChannelIdAndSeqGreaterThanAndSenderIdNotAndDeletedFalse(long channelId, long seq, long senderId);

}
