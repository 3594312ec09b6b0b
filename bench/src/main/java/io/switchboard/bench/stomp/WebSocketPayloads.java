package io.switchboard.bench.stomp;

import java.util.List;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Passes on the payload bytes of data frames, so STOMP sees one byte stream whatever the
 * WebSocket message boundaries. Control frames are the protocol handler's business.
 */
final class WebSocketPayloads extends MessageToMessageDecoder<WebSocketFrame> {

	WebSocketPayloads() {
		super(WebSocketFrame.class);
	}

	@Override
	protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
		if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame
				|| frame instanceof ContinuationWebSocketFrame) {
			out.add(frame.content().retain());
		}
	}

}
