package io.switchboard.channel;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChannelRepository extends JpaRepository<Channel, Long> {

	Optional<Channel> findByDirectKey(String directKey);

	@Query("select c.lastSeq from Channel c where c.id = :channelId")
	Optional<Long> findLastSeq(long channelId);

	@Query("""
			select c from Channel c
			where c.workspaceId = :workspaceId
			  and c.type in (io.switchboard.channel.ChannelType.PUBLIC, io.switchboard.channel.ChannelType.ANNOUNCEMENT)
			  and not exists (select m from ChannelMember m where m.channelId = c.id and m.userId = :userId)
			order by c.name""")
	List<Channel> findJoinable(long userId, long workspaceId);

	@Query("""
			select c from Channel c
			where exists (select m from ChannelMember m where m.channelId = c.id and m.userId = :userId)
			order by c.id""")
	List<Channel> findByMember(long userId);

	@Query("""
			select c from Channel c
			where c.workspaceId = :workspaceId and c.type = io.switchboard.channel.ChannelType.SUPPORT
			  and c.closedAt is null
			order by c.id""")
	List<Channel> findOpenSupport(long workspaceId);

}
