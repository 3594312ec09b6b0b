package io.switchboard.channel.event;

import java.time.Instant;
import java.util.List;

import io.switchboard.user.UserSummary;
import org.jspecify.annotations.Nullable;

/**
 * A message as clients see it, live and in history (PROTOCOL.md section 3).
 */
public record MessageView(long id, long channelId, long seq, long lastSeq, UserSummary sender, String content,
		@Nullable Long replyToId, int threadReplyCount, List<Long> mentions, List<AttachmentView> attachments,
		List<ReactionView> reactions, Instant createdAt, @Nullable Instant editedAt, boolean deleted,
		@Nullable String clientMessageId) {

}
