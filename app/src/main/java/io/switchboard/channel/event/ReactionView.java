package io.switchboard.channel.event;

import java.util.List;

/**
 * One emoji's reactions to a message: how many, and who, in the order they reacted.
 */
public record ReactionView(String emoji, int count, List<Long> userIds) {

	public ReactionView(String emoji, List<Long> userIds) {
		this(emoji, userIds.size(), List.copyOf(userIds));
	}

}
