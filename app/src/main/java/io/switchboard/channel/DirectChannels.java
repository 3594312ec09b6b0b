package io.switchboard.channel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.switchboard.broker.Fanout;
import io.switchboard.system.AfterCommit;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.UserBlocks;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Direct (two people) and group (three or more) channels: exactly one per set of people,
 * however often and however concurrently it is asked for.
 */
@Service
class DirectChannels {

	static final int MAX_PARTICIPANTS = 50;

	private final ChannelRepository channels;

	private final ChannelMemberRepository members;

	private final ChannelDirectory directory;

	private final UserDirectory users;

	private final TransactionTemplate transactions;

	private final UserBlocks blocks;

	private final Fanout fanout;

	DirectChannels(ChannelRepository channels, ChannelMemberRepository members, ChannelDirectory directory,
			UserDirectory users, TransactionTemplate transactions, UserBlocks blocks, Fanout fanout) {
		this.blocks = blocks;
		this.fanout = fanout;
		this.channels = channels;
		this.members = members;
		this.directory = directory;
		this.users = users;
		this.transactions = transactions;
	}

	Opened open(CurrentUser me, Collection<Long> userIds) {
		TreeSet<Long> participants = new TreeSet<>(userIds);
		participants.add(me.id());
		if (participants.size() < 2) {
			throw RequestRefused.badRequest("name at least one other user");
		}
		if (participants.size() > MAX_PARTICIPANTS) {
			throw RequestRefused.badRequest("at most " + MAX_PARTICIPANTS + " people share a group channel");
		}
		Map<Long, UserSummary> found = this.users.summariesIn(me.workspaceId(), participants);
		for (Long id : participants) {
			if (!found.containsKey(id)) {
				throw RequestRefused.notFound("no user " + id);
			}
		}
		String key = participants.stream().map(String::valueOf).collect(Collectors.joining(","));
		Optional<Channel> existing = this.channels.findByDirectKey(key);
		if (existing.isPresent()) {
			return new Opened(this.directory.view(existing.get().id(), me), false);
		}
		if (participants.size() == 2 && this.blocks.between(participants.first(), participants.last())) {
			throw RequestRefused.forbidden("no direct channel with this user");
		}
		try {
			long channelId = this.transactions.execute((status) -> create(me, key, found.values()));
			return new Opened(this.directory.view(channelId, me), true);
		}
		catch (DataIntegrityViolationException raced) {
			Channel winner = this.channels.findByDirectKey(key).orElseThrow(() -> raced);
			return new Opened(this.directory.view(winner.id(), me), false);
		}
	}

	private long create(CurrentUser me, String key, Collection<UserSummary> participants) {
		ChannelType type = (participants.size() == 2) ? ChannelType.DIRECT : ChannelType.GROUP;
		List<String> names = participants.stream().map(UserSummary::username).sorted().toList();
		Channel channel = this.channels
			.saveAndFlush(new Channel(me.workspaceId(), String.join(", ", names), type, null, key, me.id()));
		for (UserSummary participant : participants) {
			this.members.save(new ChannelMember(channel.id(), participant.id(), MemberRole.MEMBER));
		}
		this.members.flush();
		AfterCommit.run(() -> participants.forEach(
				(participant) -> this.fanout.publishToChannelsQueue(participant.id(), ChannelAdded.of(channel.id()))));
		return channel.id();
	}

	record Opened(ChannelView channel, boolean created) {

	}

}
