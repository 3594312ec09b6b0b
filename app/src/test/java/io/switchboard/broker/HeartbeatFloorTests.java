package io.switchboard.broker;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatFloorTests {

	private final HeartbeatFloor floor = new HeartbeatFloor(Duration.ofSeconds(10));

	@Test
	void shorterIntervalsAreRaisedToTheFloor() {
		assertThat(heartbeatAfter(StompCommand.CONNECT, 5_000, 1_000)).containsExactly(10_000, 10_000);
	}

	@Test
	void longerIntervalsAndZeroAreKept() {
		assertThat(heartbeatAfter(StompCommand.CONNECT, 30_000, 0)).containsExactly(30_000, 0);
		assertThat(heartbeatAfter(StompCommand.STOMP, 0, 20_000)).containsExactly(0, 20_000);
	}

	@Test
	void framesOtherThanConnectAreLeftAlone() {
		assertThat(heartbeatAfter(StompCommand.SEND, 5_000, 5_000)).containsExactly(5_000, 5_000);
	}

	private long[] heartbeatAfter(StompCommand command, long sendInterval, long receiveInterval) {
		StompHeaderAccessor accessor = StompHeaderAccessor.create(command);
		accessor.setHeartbeat(sendInterval, receiveInterval);
		accessor.setLeaveMutable(true);
		Message<byte[]> frame = MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders());
		Message<?> passed = this.floor.preSend(frame, null);
		return StompHeaderAccessor.wrap(passed).getHeartbeat();
	}

}
