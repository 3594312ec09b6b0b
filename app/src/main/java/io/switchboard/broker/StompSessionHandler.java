package io.switchboard.broker;

import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.switchboard.system.ErrorCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The engine's side of a client's STOMP frames, after authentication and authorization:
 * CONNECT agrees heart-beats, SUBSCRIBE and UNSUBSCRIBE change this node's subscriptions,
 * DISCONNECT ends them. Only the headers PROTOCOL.md names have any effect; frames to
 * {@code /app} are the controllers'.
 */
final class StompSessionHandler implements MessageHandler {

	private static final Logger logger = LoggerFactory.getLogger(StompSessionHandler.class);

	private static final byte[] EMPTY = new byte[0];

	private final ClientSessions sessions;

	private final NodeSubscriptions subscriptions;

	private final StompErrors errors;

	private final StompReceipts receipts;

	private final MessageChannel clientOutboundChannel;

	private final DeliverySettings settings;

	private final AccessRevocation revocation;

	StompSessionHandler(ClientSessions sessions, NodeSubscriptions subscriptions, StompErrors errors,
			StompReceipts receipts, MessageChannel clientOutboundChannel, DeliverySettings settings,
			AccessRevocation revocation) {
		this.revocation = revocation;
		this.sessions = sessions;
		this.subscriptions = subscriptions;
		this.errors = errors;
		this.receipts = receipts;
		this.clientOutboundChannel = clientOutboundChannel;
		this.settings = settings;
	}

	@Override
	public void handleMessage(Message<?> message) {
		SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
		String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
		ClientConnection connection = (sessionId != null) ? this.sessions.connection(sessionId) : null;
		if (type == null || connection == null) {
			return;
		}
		switch (type) {
			case CONNECT -> connect(connection, message);
			case SUBSCRIBE -> subscribe(connection, message);
			case UNSUBSCRIBE -> unsubscribe(connection, message);
			case DISCONNECT -> disconnect(connection, message);
			default -> {
			}
		}
	}

	private void connect(ClientConnection connection, Message<?> message) {
		Principal user = SimpMessageHeaderAccessor.getUser(message.getHeaders());
		Long userId = (user != null) ? userId(user) : null;
		if (user == null || userId == null || connection.session() != null) {
			return;
		}
		long floor = this.settings.heartbeatFloor().toMillis();
		long[] asked = SimpMessageHeaderAccessor.getHeartbeat(message.getHeaders());
		if (asked == null) {
			asked = new long[] { 0, 0 };
		}
		long outgoing = (asked[1] == 0) ? 0 : Math.max(asked[1], floor);
		long incoming = (asked[0] == 0) ? 0 : Math.max(asked[0], floor);
		Instant expiresAt = (user instanceof ExpiringPrincipal expiring) ? expiring.expiresAt() : null;
		ClientSession session = new ClientSession(connection, user, userId, expiresAt,
				TimeUnit.MILLISECONDS.toNanos(outgoing), TimeUnit.MILLISECONDS.toNanos(incoming));
		this.sessions.attached(connection, session);
		this.revocation.connected(session);
		SimpMessageHeaderAccessor connected = SimpMessageHeaderAccessor.create(SimpMessageType.CONNECT_ACK);
		connected.setSessionId(connection.getId());
		connected.setUser(user);
		connected.setHeader(SimpMessageHeaderAccessor.CONNECT_MESSAGE_HEADER, message);
		connected.setHeader(SimpMessageHeaderAccessor.HEART_BEAT_HEADER, new long[] { floor, floor });
		this.clientOutboundChannel.send(MessageBuilder.createMessage(EMPTY, connected.getMessageHeaders()));
	}

	private void subscribe(ClientConnection connection, Message<?> message) {
		ClientSession session = connection.session();
		if (session == null) {
			return;
		}
		StompHeaderAccessor frame = StompHeaderAccessor.wrap(message);
		String id = frame.getSubscriptionId();
		if (id == null || id.isEmpty()) {
			this.errors.refuse(message, ErrorCode.BAD_REQUEST, "SUBSCRIBE needs an id header");
			return;
		}
		String name = frame.getDestination();
		Optional<Destination> destination = (name != null)
				? Destination.parse(name, session.userId(),
						(session.user() instanceof WorkspaceMember member) ? member.workspaceId() : null)
				: Optional.empty();
		if (destination.isEmpty()) {
			this.errors.refuse(message, ErrorCode.FORBIDDEN, "no such destination");
			return;
		}
		NodeSubscriptions.Outcome outcome;
		try {
			outcome = this.subscriptions.add(session, id, destination.get());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not subscribe session {} to {}: {}", session.id(), name, ex.getMessage());
			this.errors.refuse(message, ErrorCode.UNAVAILABLE, "cannot subscribe now; safe to retry");
			return;
		}
		switch (outcome) {
			case ADDED -> this.receipts.confirm(message);
			case DUPLICATE_ID ->
				this.errors.refuse(message, ErrorCode.BAD_REQUEST, "subscription id '" + id + "' is already in use");
			case TOO_MANY -> this.errors.refuse(message, ErrorCode.FORBIDDEN,
					"a session holds at most " + this.settings.maxSubscriptions() + " subscriptions");
		}
	}

	private void unsubscribe(ClientConnection connection, Message<?> message) {
		ClientSession session = connection.session();
		StompHeaderAccessor frame = StompHeaderAccessor.wrap(message);
		if (session != null && frame.getSubscriptionId() != null) {
			this.subscriptions.remove(session, frame.getSubscriptionId());
		}
		this.receipts.confirm(message);
	}

	/**
	 * Comes from the client, or from Spring when the socket closed.
	 */
	private void disconnect(ClientConnection connection, Message<?> message) {
		ClientSession session = connection.session();
		if (session != null) {
			this.subscriptions.removeAll(session);
		}
		this.receipts.confirm(message);
	}

	private static @Nullable Long userId(Principal user) {
		try {
			return Long.valueOf(user.getName());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
