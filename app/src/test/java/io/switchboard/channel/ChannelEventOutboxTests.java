package io.switchboard.channel;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.messaging.simp.SimpMessageSendingOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Publication order, without Spring: commits may finish in any order, events go out in
 * sequence order.
 */
class ChannelEventOutboxTests {

	private final SimpMessageSendingOperations broker = mock(SimpMessageSendingOperations.class);

	private final ChannelEventOutbox outbox = new ChannelEventOutbox(this.broker);

	@Test
	void laterCommitWaitsForEarlierOne() {
		SequenceSlot first = reserve(7, 1, "e1");
		SequenceSlot second = reserve(7, 2, "e2");
		SequenceSlot third = reserve(7, 3, "e3");
		this.outbox.complete(third, true);
		this.outbox.complete(second, true);
		verify(this.broker, never()).convertAndSend(any(String.class), any(Object.class));
		this.outbox.complete(first, true);
		assertThat(published("/topic/channel.7")).containsExactly("e1", "e2", "e3");
	}

	@Test
	void rolledBackChangePublishesNothingAndHoldsNothingBack() {
		SequenceSlot first = reserve(7, 1, "e1");
		SequenceSlot second = reserve(7, 2, "e2");
		this.outbox.complete(second, true);
		this.outbox.complete(first, false);
		assertThat(published("/topic/channel.7")).containsExactly("e2");
	}

	@Test
	void channelsDoNotWaitForEachOther() {
		SequenceSlot blocked = reserve(7, 1, "seven");
		SequenceSlot other = reserve(8, 1, "eight");
		this.outbox.complete(other, true);
		assertThat(published("/topic/channel.8")).containsExactly("eight");
		this.outbox.complete(blocked, true);
		assertThat(published("/topic/channel.7")).containsExactly("seven");
	}

	private SequenceSlot reserve(long channelId, long seq, String event) {
		SequenceSlot slot = this.outbox.reserve(channelId, seq);
		slot.publishOnCommit(event);
		return slot;
	}

	private List<Object> published(String destination) {
		ArgumentCaptor<Object> events = ArgumentCaptor.forClass(Object.class);
		verify(this.broker, atLeast(1)).convertAndSend(eq(destination), events.capture());
		return new ArrayList<>(events.getAllValues());
	}

}
