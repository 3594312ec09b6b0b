package io.switchboard.broker;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Sends to a user's {@code /user/queue/...} on every session they have open, on any
 * server node the user registry knows of.
 * <p>
 * It addresses each session on its own because Spring's user destination handler, with
 * inbound order preserved, fails on the second session when it fans one message out
 * itself.
 */
@Component
public class UserQueues {

	private final SimpUserRegistry users;

	private final SimpMessageSendingOperations broker;

	UserQueues(SimpUserRegistry users, SimpMessageSendingOperations broker) {
		this.users = users;
		this.broker = broker;
	}

	/**
	 * @param userId the user
	 * @param queue the queue as the user subscribed to it, less {@code /user}, e.g.
	 * {@code /queue/notifications}
	 * @param payload what to send
	 */
	public void sendToAllSessions(long userId, String queue, Object payload) {
		String name = Long.toString(userId);
		SimpUser user = this.users.getUser(name);
		if (user == null) {
			return;
		}
		for (SimpSession session : user.getSessions()) {
			sendToSession(name, session.getId(), queue, payload);
		}
	}

	/**
	 * @param userName the user's principal name (their id)
	 * @param sessionId the one session to send to
	 * @param queue the queue as the user subscribed to it, less {@code /user}
	 * @param payload what to send
	 */
	public void sendToSession(String userName, String sessionId, String queue, Object payload) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create();
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		this.broker.convertAndSendToUser(userName, queue, payload, headers.getMessageHeaders());
	}

}
