package io.switchboard.attachment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.switchboard.channel.event.AttachmentView;
import io.switchboard.system.RequestRefused;
import io.switchboard.user.CurrentUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Attachments as messages use them: which uploads a new message may take, and what stored
 * messages carry. Not transactional itself: a refusal must not doom the channel writer's
 * batch that calls it.
 */
@Component
public class Attachments {

	public static final int MAX_PER_MESSAGE = 10;

	private final AttachmentRepository attachments;

	private final JdbcTemplate jdbc;

	Attachments(AttachmentRepository attachments, JdbcTemplate jdbc) {
		this.attachments = attachments;
		this.jdbc = jdbc;
	}

	/**
	 * The messages' attachments in one query, each message's in the order they were
	 * uploaded. Through JPA, so that attachments taken earlier in the same batch are
	 * seen.
	 */
	public Map<Long, List<AttachmentView>> of(Collection<Long> messageIds) {
		if (messageIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<AttachmentView>> views = new HashMap<>();
		for (Attachment attachment : this.attachments.findByMessageIdInOrderById(messageIds)) {
			views.computeIfAbsent(attachment.messageId(), (id) -> new ArrayList<>()).add(attachment.view());
		}
		return views;
	}

	/**
	 * The uploads a message about to be posted takes, checked under the channel's lock
	 * before it takes a {@code seq}: each must be the sender's own upload to this
	 * channel, not sent yet. An id of another workspace is one that does not exist.
	 */
	public Sendable requireSendable(long channelId, CurrentUser sender, List<Long> attachmentIds) {
		List<Long> wanted = attachmentIds.stream().distinct().toList();
		Map<Long, Attachment> found = this.attachments.findAllById(wanted)
			.stream()
			.collect(Collectors.toMap(Attachment::id, Function.identity()));
		List<Attachment> sendable = new ArrayList<>(wanted.size());
		for (long id : wanted) {
			Attachment attachment = found.get(id);
			if (attachment == null || (attachment.channelId() != channelId
					&& !inWorkspace(attachment.channelId(), sender.workspaceId()))) {
				throw RequestRefused.notFound("no attachment " + id);
			}
			if (attachment.uploaderId() != sender.id()) {
				throw RequestRefused.forbidden("attachment " + id + " is someone else's upload");
			}
			if (attachment.channelId() != channelId) {
				throw RequestRefused.forbidden("attachment " + id + " was uploaded to another channel");
			}
			if (attachment.messageId() != null) {
				throw RequestRefused.conflict("attachment " + id + " was sent with message " + attachment.messageId());
			}
			sendable.add(attachment);
		}
		return new Sendable(sendable);
	}

	private boolean inWorkspace(long channelId, long workspaceId) {
		Integer count = this.jdbc.queryForObject("select count(*) from channels where id = ? and workspace_id = ?",
				Integer.class, channelId, workspaceId);
		return count != null && count > 0;
	}

	/**
	 * Uploads checked for one new message.
	 */
	public static final class Sendable {

		private final List<Attachment> attachments;

		private Sendable(List<Attachment> attachments) {
			this.attachments = attachments;
		}

		/**
		 * Links them to the stored message, in its transaction.
		 * @return what the message shows of them, in the order they were uploaded
		 */
		public List<AttachmentView> attachTo(long messageId) {
			return this.attachments.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).map((attachment) -> {
				attachment.attachTo(messageId);
				return attachment.view();
			}).toList();
		}

	}

}
