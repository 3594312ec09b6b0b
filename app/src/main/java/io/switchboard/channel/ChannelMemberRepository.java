package io.switchboard.channel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChannelMemberRepository extends JpaRepository<ChannelMember, ChannelMember.Key> {

	Optional<ChannelMember> findByChannelIdAndUserId(long channelId, long userId);

	List<ChannelMember> findByUserId(long userId);

	List<ChannelMember> findByChannelId(long channelId);

	@Query("select m.userId from ChannelMember m where m.channelId = :channelId")
	List<Long> findUserIds(long channelId);

	@Query("select m.userId from ChannelMember m where m.channelId = :channelId and m.userId in :userIds")
	List<Long> findUserIdsAmong(long channelId, Collection<Long> userIds);

	long countByChannelIdAndRole(long channelId, MemberRole role);

}
