package io.switchboard.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.switchboard.broker.Fanout;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Publication order, without Spring: commits may finish in any order, events go out in
 * sequence order.
 */
class ChannelEventOutboxTests {

	private final Fanout fanout = mock(Fanout.class);

	private final ChannelEventLog log = mock(ChannelEventLog.class);

	private final ChannelEventOutbox outbox = new ChannelEventOutbox(this.fanout);

	@Test
	void laterCommitWaitsForEarlierOne() {
		SequenceSlot first = reserve(7, 1, "e1");
		SequenceSlot second = reserve(7, 2, "e2");
		SequenceSlot third = reserve(7, 3, "e3");
		this.outbox.complete(third, true);
		this.outbox.complete(second, true);
		verify(this.fanout, never()).publishChannelEvent(anyLong(), anyLong(), any(byte[].class));
		this.outbox.complete(first, true);
		assertThat(published(7)).containsExactly("e1", "e2", "e3");
	}

	@Test
	void rolledBackChangePublishesNothingAndHoldsNothingBack() {
		SequenceSlot first = reserve(7, 1, "e1");
		SequenceSlot second = reserve(7, 2, "e2");
		this.outbox.complete(second, true);
		this.outbox.complete(first, false);
		assertThat(published(7)).containsExactly("e2");
	}

	@Test
	void channelsDoNotWaitForEachOther() {
		SequenceSlot blocked = reserve(7, 1, "seven");
		SequenceSlot other = reserve(8, 1, "eight");
		this.outbox.complete(other, true);
		assertThat(published(8)).containsExactly("eight");
		this.outbox.complete(blocked, true);
		assertThat(published(7)).containsExactly("seven");
	}

	private SequenceSlot reserve(long channelId, long seq, String event) {
		when(this.log.append(channelId, seq, event)).thenReturn(event.getBytes(StandardCharsets.UTF_8));
		SequenceSlot slot = this.outbox.reserve(new SequenceSlot(channelId, seq, this.log));
		slot.publishOnCommit(event);
		return slot;
	}

	private List<String> published(long channelId) {
		ArgumentCaptor<byte[]> events = ArgumentCaptor.forClass(byte[].class);
		verify(this.fanout, atLeast(1)).publishChannelEvent(eq(channelId), anyLong(), events.capture());
		return events.getAllValues().stream().map((bytes) -> new String(bytes, StandardCharsets.UTF_8)).toList();
	}

}
