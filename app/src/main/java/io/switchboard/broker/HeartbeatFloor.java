package io.switchboard.broker;

import java.time.Duration;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * Raises the heart-beat intervals a CONNECT asks for to the server's floor (10 s by
 * default), so the server offers {@code 10000,10000} and agrees to nothing shorter.
 * <p>
 * Beyond sparing the server, the floor keeps the relay's heart-beats on behalf of
 * {@code /app}-only clients working: the relay resets its per-client count every 5 s and
 * only does so for clients whose interval is longer than that.
 */
class HeartbeatFloor implements ChannelInterceptor {

	private final long floorMillis;

	HeartbeatFloor(Duration floor) {
		this.floorMillis = floor.toMillis();
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor != null && isConnect(accessor.getCommand())) {
			long[] asked = accessor.getHeartbeat();
			accessor.setHeartbeat(raise(asked[0]), raise(asked[1]));
		}
		return message;
	}

	private long raise(long interval) {
		return (interval == 0) ? 0 : Math.max(interval, this.floorMillis);
	}

	private static boolean isConnect(StompCommand command) {
		return command == StompCommand.CONNECT || command == StompCommand.STOMP;
	}

}
