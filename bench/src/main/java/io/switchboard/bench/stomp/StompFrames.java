package io.switchboard.bench.stomp;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The client frames, written straight into buffers. Header values here never hold the
 * characters STOMP escapes, so none are escaped.
 */
final class StompFrames {

	static final String HEART_BEAT = "10000,10000";

	private StompFrames() {
	}

	static ByteBuf connect(ByteBufAllocator alloc, String host, String token) {
		ByteBuf buf = alloc.buffer(128 + token.length());
		line(buf, "CONNECT");
		header(buf, "accept-version", "1.2");
		header(buf, "host", host);
		header(buf, "heart-beat", HEART_BEAT);
		header(buf, "Authorization", "Bearer " + token);
		return end(buf);
	}

	static ByteBuf subscribe(ByteBufAllocator alloc, String id, String destination, String receipt) {
		ByteBuf buf = alloc.buffer(64 + destination.length());
		line(buf, "SUBSCRIBE");
		header(buf, "id", id);
		header(buf, "destination", destination);
		header(buf, "receipt", receipt);
		return end(buf);
	}

	static ByteBuf send(ByteBufAllocator alloc, String destination, String receipt, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		ByteBuf buf = alloc.buffer(128 + destination.length() + body.length);
		line(buf, "SEND");
		header(buf, "destination", destination);
		header(buf, "content-type", "application/json");
		header(buf, "receipt", receipt);
		header(buf, "content-length", Integer.toString(body.length));
		buf.writeByte('\n');
		buf.writeBytes(body);
		buf.writeByte(0);
		return buf;
	}

	private static void line(ByteBuf buf, String text) {
		buf.writeCharSequence(text, StandardCharsets.UTF_8);
		buf.writeByte('\n');
	}

	private static void header(ByteBuf buf, String name, String value) {
		buf.writeCharSequence(name, StandardCharsets.US_ASCII);
		buf.writeByte(':');
		line(buf, value);
	}

	private static ByteBuf end(ByteBuf buf) {
		buf.writeByte('\n');
		buf.writeByte(0);
		return buf;
	}

}
