package io.switchboard.message;

import java.util.List;
import java.util.Set;

import io.switchboard.channel.ChannelAccess;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;

import org.springframework.stereotype.Component;

/**
 * The channel members a message's content mentions by {@code @username}.
 */
@Component
class MentionedMembers {

	private final UserDirectory users;

	private final ChannelAccess access;

	MentionedMembers(UserDirectory users, ChannelAccess access) {
		this.users = users;
		this.access = access;
	}

	/**
	 * The members named, other than the writer, by id.
	 */
	List<Long> in(long channelId, String content, long writerId) {
		Set<String> usernames = Mentions.usernamesIn(content);
		if (usernames.isEmpty()) {
			return List.of();
		}
		List<Long> named = this.users.findByUsernames(usernames)
			.stream()
			.map(UserSummary::id)
			.filter((id) -> id != writerId)
			.toList();
		return this.access.membersAmong(channelId, named).stream().sorted().toList();
	}

}
