package io.switchboard.bench.fanout;

import io.switchboard.bench.sending.SendStamp;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the fields from events shaped as the server sends them.
 */
class EventFieldsTests {

	@Test
	void readsSeqAndSendTimeOfAMessageCreatedEvent() {
		String content = SendStamp.content(123456789012345L);
		ByteBuf json = json("{\"type\":\"message.created\",\"channelId\":7,\"seq\":1024,\"message\":{\"id\":812,"
				+ "\"channelId\":7,\"seq\":1024,\"lastSeq\":1024,\"sender\":{\"id\":3,\"username\":\"bench_p0\"},"
				+ "\"content\":\"" + content + "\",\"replyToId\":null}}");
		assertThat(EventFields.seq(json, 0, json.writerIndex())).isEqualTo(1024);
		assertThat(EventFields.sentNanos(json, 0, json.writerIndex())).isEqualTo(123456789012345L);
	}

	@Test
	void readsANegativeSendTime() {
		ByteBuf json = json("{\"seq\":3,\"message\":{\"content\":\"" + SendStamp.content(-42) + "\"}}");
		assertThat(EventFields.sentNanos(json, 0, json.writerIndex())).isEqualTo(-42);
	}

	@Test
	void findsNoSendTimeInOtherEvents() {
		ByteBuf json = json("{\"type\":\"member.joined\",\"channelId\":7,\"seq\":2,\"member\":{\"userId\":4}}");
		assertThat(EventFields.seq(json, 0, json.writerIndex())).isEqualTo(2);
		assertThat(EventFields.sentNanos(json, 0, json.writerIndex())).isEqualTo(EventFields.ABSENT);
	}

	@Test
	void ignoresLastSeq() {
		ByteBuf json = json("{\"lastSeq\":9,\"type\":\"typing\"}");
		assertThat(EventFields.seq(json, 0, json.writerIndex())).isEqualTo(EventFields.ABSENT);
	}

	@Test
	void padsContentToAboutAHundredCharacters() {
		assertThat(SendStamp.content(System.nanoTime())).hasSizeBetween(90, 100).startsWith(SendStamp.MARK);
	}

	private static ByteBuf json(String text) {
		return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
	}

}
