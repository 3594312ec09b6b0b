package io.switchboard.message;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import io.switchboard.attachment.Attachments;
import io.switchboard.channel.ChangeBatch;
import io.switchboard.channel.ChannelAccess;
import io.switchboard.channel.ChannelChange;
import io.switchboard.channel.ChannelType;
import io.switchboard.channel.ChannelWriter;
import io.switchboard.channel.MemberRole;
import io.switchboard.channel.NotificationLevel;
import io.switchboard.channel.SequenceSlot;
import io.switchboard.channel.event.AttachmentView;
import io.switchboard.channel.event.MessageCreated;
import io.switchboard.channel.event.MessageView;
import io.switchboard.system.RequestRefused;
import io.switchboard.presence.PresenceTracker;
import io.switchboard.user.CurrentUser;
import io.switchboard.user.UserBlocks;
import io.switchboard.user.UserDirectory;
import io.switchboard.user.UserSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Stores posted messages through the channel's writer: under the channel's lock it checks
 * the sender may post, takes the channel's next sequence number and stores, and the event
 * is published once the transaction commits.
 */
@Service
class MessageStore {

	private final MessageRepository messages;

	private final ChannelAccess access;

	private final ChannelWriter writer;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final NamedParameterJdbcTemplate jdbc;

	private final MentionedMembers mentioned;

	private final WordFilter filter;

	private final UserBlocks blocks;

	private final PresenceTracker presence;

	private final Attachments attachments;

	MessageStore(MessageRepository messages, ChannelAccess access, ChannelWriter writer, UserDirectory users,
			ApplicationEventPublisher events, NamedParameterJdbcTemplate jdbc, MentionedMembers mentioned,
			WordFilter filter, UserBlocks blocks, PresenceTracker presence, Attachments attachments) {
		this.filter = filter;
		this.blocks = blocks;
		this.presence = presence;
		this.jdbc = jdbc;
		this.mentioned = mentioned;
		this.attachments = attachments;
		this.messages = messages;
		this.access = access;
		this.writer = writer;
		this.users = users;
		this.events = events;
	}

	/**
	 * Posts a message, or, for a {@code clientMessageId} the sender already used in this
	 * channel, answers with the message stored the first time.
	 */
	CompletableFuture<MessageView> post(long channelId, CurrentUser sender, SendMessage request) {
		return this.writer
			.record(new Post(channelId, sender, request.withContent(this.filter.apply(request.content()))));
	}

	private Message threadParent(long channelId, long replyToId) {
		Message parent = this.messages.findById(replyToId)
			.filter((found) -> found.channelId() == channelId && !found.deleted())
			.orElseThrow(() -> RequestRefused.notFound("no message " + replyToId + " in channel " + channelId));
		if (parent.replyToId() != null) {
			throw RequestRefused.badRequest("replies go to the thread's first message, " + parent.replyToId());
		}
		return parent;
	}

	/**
	 * Who is told about a new message, as each member's notification level for the
	 * channel allows and never anyone who blocked the sender: in a conversation every
	 * other member, small by construction; elsewhere those it mentions, and for a
	 * {@code @channel} or {@code @here} from a channel admin or moderator every member or
	 * those online, each once.
	 */
	private Notified notified(ChangeBatch batch, List<Long> mentions, long senderId, Mentions.Broadcast broadcast) {
		if (batch.channelType().isConversation()) {
			Map<Long, NotificationLevel> levels = this.access.notificationLevels(batch.channelId(), null);
			Set<Long> blockers = this.blocks.blockersOf(senderId, levels.keySet());
			if (batch.channelType() == ChannelType.DIRECT && !blockers.isEmpty()) {
				throw RequestRefused.forbidden("you may not send direct messages to this user");
			}
			return new Notified(notifiable(levels, senderId, blockers, mentions::contains), List.of());
		}
		Map<Long, NotificationLevel> levels = switch (broadcast) {
			case NONE -> this.access.notificationLevels(batch.channelId(), mentions);
			case CHANNEL -> this.access.notificationLevels(batch.channelId(), null);
			case HERE -> {
				Set<Long> reached = this.presence.onlineMembersOf(batch.channelId());
				Map<Long, NotificationLevel> all = this.access.notificationLevels(batch.channelId(), null);
				all.keySet().removeIf((member) -> !reached.contains(member) && !mentions.contains(member));
				yield all;
			}
		};
		Set<Long> blockers = this.blocks.blockersOf(senderId, levels.keySet());
		return new Notified(List.of(), notifiable(levels, senderId, blockers, (member) -> true));
	}

	private static List<Long> notifiable(Map<Long, NotificationLevel> levels, long senderId, Set<Long> blockers,
			Predicate<Long> mentioned) {
		return levels.entrySet()
			.stream()
			.filter((member) -> member.getKey() != senderId && !blockers.contains(member.getKey())
					&& member.getValue().notifies(mentioned.test(member.getKey())))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	private record Notified(List<Long> members, List<Long> mentioned) {

	}

	private static List<Long> senderIdsIn(ChangeBatch batch) {
		return batch.changesOf(Post.class).stream().map((post) -> post.sender.id()).distinct().toList();
	}

	private static List<String> clientMessageIdsIn(ChangeBatch batch) {
		return batch.changesOf(Post.class)
			.stream()
			.map((post) -> post.request.clientMessageId())
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	/**
	 * A batch's senders as their messages show them, with their names as they are now and
	 * their badges: read once for the whole batch.
	 */
	private record Senders(Map<Long, UserSummary> byId) {

		static Senders read(UserDirectory users, ChangeBatch batch) {
			return new Senders(users.summaries(senderIdsIn(batch)));
		}

		UserSummary of(CurrentUser sender) {
			return this.byId.getOrDefault(sender.id(), sender.summary());
		}

	}

	private final class Post implements ChannelChange<MessageView> {

		private final long channelId;

		private final CurrentUser sender;

		private final SendMessage request;

		Post(long channelId, CurrentUser sender, SendMessage request) {
			this.channelId = channelId;
			this.sender = sender;
			this.request = request;
		}

		@Override
		public long channelId() {
			return this.channelId;
		}

		@Override
		public CurrentUser actor() {
			return this.sender;
		}

		@Override
		public MessageView apply(ChangeBatch batch) {
			// Under the channel's lock: access that ended before this commits is seen,
			// and so is the first attempt of a retry.
			MemberRole role = MessageStore.this.access.requirePoster(batch, this.sender.id());
			UserSummary shownAs = batch.shared(Senders.class, () -> Senders.read(MessageStore.this.users, batch))
				.of(this.sender);
			String clientMessageId = this.request.clientMessageId();
			ClientMessageIds used = (clientMessageId != null)
					? batch.shared(ClientMessageIds.class, () -> ClientMessageIds.read(MessageStore.this.jdbc,
							this.channelId, senderIdsIn(batch), clientMessageIdsIn(batch)))
					: null;
			if (used != null) {
				Optional<Long> firstAttempt = used.storedBy(this.sender.id(), clientMessageId);
				if (firstAttempt.isPresent()) {
					long id = firstAttempt.get();
					return MessageStore.this.messages.getReferenceById(id)
						.view(shownAs, MessageStore.this.attachments.of(List.of(id)).getOrDefault(id, List.of()));
				}
			}
			Message parent = (this.request.replyToId() != null) ? threadParent(this.channelId, this.request.replyToId())
					: null;
			List<Long> mentions = MessageStore.this.mentioned.in(this.channelId, this.request.content(),
					this.sender.id());
			// From anyone but the channel's admins and moderators, @channel is plain
			// text.
			Mentions.Broadcast broadcast = (role.canModerate() && !batch.channelType().isConversation())
					? Mentions.broadcastIn(this.request.content()) : Mentions.Broadcast.NONE;
			Notified notified = MessageStore.this.notified(batch, mentions, this.sender.id(), broadcast);
			List<Long> attachmentIds = this.request.attachmentIds();
			Attachments.@Nullable Sendable sendable = attachmentIds.isEmpty() ? null
					: MessageStore.this.attachments.requireSendable(this.channelId, this.sender, attachmentIds);
			SequenceSlot slot = batch.next();
			Message message = new Message(this.channelId, slot.seq(), this.sender.id(), this.request.content(),
					this.request.replyToId(), clientMessageId, mentions, broadcast != Mentions.Broadcast.NONE,
					batch.time());
			// Inserted at commit, with the rest of the batch's rows in one JDBC batch.
			MessageStore.this.messages.save(message);
			if (used != null) {
				used.add(message);
			}
			if (parent != null) {
				parent.countReply(slot.seq());
			}
			List<AttachmentView> attached = (sendable != null) ? sendable.attachTo(message.id()) : List.of();
			MessageView view = message.view(shownAs, attached);
			MessageStore.this.events
				.publishEvent(new MessagePosted(view, batch.channelType(), notified.members(), notified.mentioned()));
			slot.publishOnCommit(new MessageCreated(view));
			return view;
		}

	}

}
