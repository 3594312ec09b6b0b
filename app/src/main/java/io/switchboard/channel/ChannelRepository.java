package io.switchboard.channel;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ChannelRepository extends JpaRepository<Channel, Long> {

	Optional<Channel> findByDirectKey(String directKey);

	/**
	 * Moves the channel's sequence on by one. The row lock this takes is held until the
	 * transaction ends, which is what serializes concurrent writers of one channel.
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = "update channels set last_seq = last_seq + 1 where id = :channelId", nativeQuery = true)
	int incrementSeq(long channelId);

	/**
	 * Takes the channel's row lock without changing anything, so that a change can check
	 * its preconditions before it takes a sequence number.
	 */
	@Query(value = "select id from channels where id = :channelId for update", nativeQuery = true)
	Optional<Long> lockById(long channelId);

	@Query("select c.lastSeq from Channel c where c.id = :channelId")
	Optional<Long> findLastSeq(long channelId);

	@Query("""
			select c from Channel c
			where c.type in (io.switchboard.channel.ChannelType.PUBLIC, io.switchboard.channel.ChannelType.ANNOUNCEMENT)
			  and not exists (select m from ChannelMember m where m.channelId = c.id and m.userId = :userId)
			order by c.name""")
	List<Channel> findJoinable(long userId);

	@Query("""
			select c from Channel c
			where exists (select m from ChannelMember m where m.channelId = c.id and m.userId = :userId)
			order by c.id""")
	List<Channel> findByMember(long userId);

}
