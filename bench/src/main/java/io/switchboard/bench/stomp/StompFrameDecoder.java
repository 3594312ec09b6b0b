package io.switchboard.bench.stomp;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import org.jspecify.annotations.Nullable;

/**
 * Cuts the byte stream of a session's WebSocket messages into STOMP frames. The stream
 * view is what lets one message carry several frames, one frame span several messages,
 * and heart-beat newlines sit between frames.
 */
final class StompFrameDecoder extends ByteToMessageDecoder {

	static final int MAX_FRAME_BYTES = 1024 * 1024;

	private static final String CONTENT_LENGTH = "content-length:";

	@Override
	protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
		while (true) {
			skipHeartbeats(in);
			if (!in.isReadable()) {
				return;
			}
			StompFrame frame = nextFrame(in);
			if (frame == null) {
				if (in.readableBytes() > MAX_FRAME_BYTES) {
					throw new TooLongFrameException("STOMP frame over " + MAX_FRAME_BYTES + " bytes");
				}
				return;
			}
			out.add(frame);
		}
	}

	private static void skipHeartbeats(ByteBuf in) {
		while (in.isReadable()) {
			byte b = in.getByte(in.readerIndex());
			if (b != '\n' && b != '\r') {
				return;
			}
			in.skipBytes(1);
		}
	}

	/**
	 * The next whole frame, or null if its end has not arrived yet; then nothing is
	 * consumed and the decoder waits for more bytes.
	 */
	private static @Nullable StompFrame nextFrame(ByteBuf in) {
		int start = in.readerIndex();
		int end = in.writerIndex();
		int commandEnd = -1;
		int headersStart = -1;
		int bodyStart = -1;
		int contentLength = -1;
		int lineStart = start;
		while (bodyStart < 0) {
			int eol = in.indexOf(lineStart, end, (byte) '\n');
			if (eol < 0) {
				return null;
			}
			int lineEnd = (eol > lineStart && in.getByte(eol - 1) == '\r') ? eol - 1 : eol;
			if (commandEnd < 0) {
				commandEnd = lineEnd;
				headersStart = eol + 1;
			}
			else if (lineEnd == lineStart) {
				bodyStart = eol + 1;
			}
			else if (contentLength < 0 && startsWith(in, lineStart, lineEnd, CONTENT_LENGTH)) {
				contentLength = parseLength(in, lineStart + CONTENT_LENGTH.length(), lineEnd);
			}
			lineStart = eol + 1;
		}
		int nul;
		if (contentLength >= 0) {
			nul = bodyStart + contentLength;
			if (nul >= end) {
				return null;
			}
			if (in.getByte(nul) != 0) {
				throw new CorruptedFrameException("STOMP body longer than its content-length");
			}
		}
		else {
			nul = in.indexOf(bodyStart, end, (byte) 0);
			if (nul < 0) {
				return null;
			}
		}
		StompCommand command = StompCommand.of(in, start, commandEnd);
		// A slice, not a copy: the listener reads it in place before it is released.
		ByteBuf bytes = in.retainedSlice(start, nul - start);
		in.readerIndex(nul + 1);
		return new StompFrame(command, bytes, headersStart - start, bodyStart - start);
	}

	private static boolean startsWith(ByteBuf in, int from, int to, String prefix) {
		if (to - from < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (in.getByte(from + i) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int parseLength(ByteBuf in, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			byte digit = in.getByte(i);
			if (digit < '0' || digit > '9' || value > MAX_FRAME_BYTES) {
				throw new CorruptedFrameException("bad content-length header");
			}
			value = value * 10 + (digit - '0');
		}
		return value;
	}

}
