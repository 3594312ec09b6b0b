package io.switchboard.broker;

/**
 * A user's STOMP session on this node was authenticated and attached. Published on the
 * thread that handled its CONNECT: listeners hand slow work to their own threads.
 */
public record UserSessionStarted(long userId, String sessionId) {

}
