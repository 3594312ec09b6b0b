package io.switchboard.bench.stomp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds WebSocket messages through the client's payload and STOMP decoders, as a server
 * would cut them up.
 */
class StompFrameDecoderTests {

	private static final Charset UTF8 = StandardCharsets.UTF_8;

	private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocketPayloads(), new StompFrameDecoder());

	@AfterEach
	void close() {
		this.channel.finishAndReleaseAll();
	}

	@Test
	void readsSeveralFramesFromOneMessage() {
		List<String> frames = decode(text("RECEIPT\nreceipt-id:r1\n\n\0MESSAGE\ndestination:/topic/a\n"
				+ "content-length:2\n\n{}\0RECEIPT\nreceipt-id:r2\n\n\0"));
		assertThat(frames).containsExactly("RECEIPT receipt-id=r1 body=", "MESSAGE destination=/topic/a body={}",
				"RECEIPT receipt-id=r2 body=");
	}

	@Test
	void joinsAFrameSplitOverMessages() {
		List<String> frames = decode(text("MESS"), text("AGE\ndestination:/topic/a\ncontent-le"), text("ngth:5\n\nhel"),
				text("lo\0"));
		assertThat(frames).containsExactly("MESSAGE destination=/topic/a body=hello");
	}

	@Test
	void joinsContinuationFrames() {
		List<String> frames = decode(new TextWebSocketFrame(false, 0, Unpooled.copiedBuffer("MESSAGE\n\nab", UTF8)),
				new ContinuationWebSocketFrame(true, 0, Unpooled.copiedBuffer("c\0", UTF8)));
		assertThat(frames).containsExactly("MESSAGE destination=null body=abc");
	}

	@Test
	void skipsHeartbeatsBetweenAndAroundFrames() {
		List<String> frames = decode(text("\n"), text("\r\n\nRECEIPT\nreceipt-id:r1\n\n\0\n\n"),
				text("RECEIPT\r\nreceipt-id:r2\r\n\r\n\0"), text("\n"));
		assertThat(frames).containsExactly("RECEIPT receipt-id=r1 body=", "RECEIPT receipt-id=r2 body=");
	}

	@Test
	void readsABodyUpToNulWithoutContentLength() {
		List<String> frames = decode(text("ERROR\nmessage:unauthorized\\c token expired\n\nbad token\0"));
		assertThat(frames).containsExactly("ERROR message=unauthorized: token expired body=bad token");
	}

	@Test
	void trustsContentLengthOverNulInTheBody() {
		List<String> frames = decode(text("MESSAGE\ncontent-length:3\n\na\0b\0"));
		assertThat(frames).hasSize(1);
		assertThat(frames.get(0)).endsWith("body=a\0b");
	}

	@Test
	void leavesConnectedHeadersUnescaped() {
		this.channel.writeInbound(text("CONNECTED\nversion:1.2\nheart-beat:10000,10000\nserver:a\\cb\n\n\0"));
		StompFrame frame = this.channel.readInbound();
		assertThat(frame.command()).isEqualTo(StompCommand.CONNECTED);
		assertThat(frame.header("heart-beat")).isEqualTo("10000,10000");
		assertThat(frame.header("server")).isEqualTo("a\\cb");
		frame.release();
	}

	private static TextWebSocketFrame text(String payload) {
		return new TextWebSocketFrame(Unpooled.copiedBuffer(payload, UTF8));
	}

	private List<String> decode(WebSocketFrame... messages) {
		for (WebSocketFrame message : messages) {
			this.channel.writeInbound(message);
		}
		List<String> frames = new ArrayList<>();
		StompFrame frame;
		while ((frame = this.channel.readInbound()) != null) {
			String header = switch (frame.command()) {
				case RECEIPT -> "receipt-id=" + frame.header("receipt-id");
				case ERROR -> "message=" + frame.header("message");
				case MESSAGE -> "destination=" + frame.header("destination");
				default -> frame.header("version");
			};
			frames.add(frame.command() + " " + header + " body=" + frame.body());
			frame.release();
		}
		return frames;
	}

}
