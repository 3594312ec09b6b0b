package io.switchboard.broker;

/**
 * A user's STOMP session on this node ended, however: DISCONNECT, a closed socket, a
 * heart-beat timeout, an expired token. Published once per {@link UserSessionStarted}, on
 * the thread that saw the socket close: listeners hand slow work to their own threads.
 */
public record UserSessionEnded(long userId, String sessionId) {

}
