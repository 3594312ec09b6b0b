package io.switchboard.bench.stomp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One STOMP session on one WebSocket connection: CONNECT once the handshake is done,
 * heart-beats at the agreed interval, receipts for subscriptions. Its state belongs to
 * the connection's event loop; the public methods hop onto it.
 */
public final class StompSession extends ChannelInboundHandlerAdapter {

	private final String host;

	private final String token;

	private final StompListener listener;

	private final CompletableFuture<StompSession> connected = new CompletableFuture<>();

	private final Map<String, CompletableFuture<Void>> awaitedReceipts = new HashMap<>();

	// Set by the client right after it starts connecting, and by handlerAdded on the
	// event
	// loop, whichever comes first; the same channel either way.
	private volatile @Nullable Channel channel;

	private int subscriptions;

	private @Nullable ScheduledFuture<?> heartbeats;

	private volatile boolean closing;

	private volatile @Nullable String lostReason;

	StompSession(String host, String token, StompListener listener) {
		this.host = host;
		this.token = token;
		this.listener = listener;
	}

	/**
	 * Completes on CONNECTED; fails if the connection, the handshake or the CONNECT
	 * fails.
	 */
	public CompletableFuture<StompSession> connected() {
		return this.connected;
	}

	/**
	 * Subscribes with a {@code receipt} header; completes when the RECEIPT arrives.
	 */
	public CompletableFuture<Void> subscribe(String destination) {
		CompletableFuture<Void> receipt = new CompletableFuture<>();
		onEventLoop(() -> {
			String id = "sub-" + (++this.subscriptions);
			this.awaitedReceipts.put(id, receipt);
			write(StompFrames.subscribe(channel().alloc(), id, destination, id));
		});
		return receipt;
	}

	/**
	 * Sends a JSON body; its RECEIPT goes to {@link StompListener#onReceipt}.
	 */
	public void send(String destination, String receipt, String json) {
		onEventLoop(() -> write(StompFrames.send(channel().alloc(), destination, receipt, json)));
	}

	public EventLoop eventLoop() {
		return channel().eventLoop();
	}

	/**
	 * Why the server ended the session, or null while it is open or if the bench closed
	 * it.
	 */
	public @Nullable String lostReason() {
		return this.lostReason;
	}

	/**
	 * Closes the WebSocket without a STOMP DISCONNECT: today's server logs an ERROR for
	 * every session that sends one (its relay forwards the DISCONNECT, then fails to
	 * forward its own when the socket closes), which would bury real errors in its log.
	 */
	public CompletableFuture<Void> close() {
		this.closing = true;
		if (!channel().isOpen()) {
			// Closed already, or never got a socket (say, for lack of file descriptors).
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> closed = new CompletableFuture<>();
		channel().closeFuture().addListener((future) -> closed.complete(null));
		onEventLoop(() -> {
			Channel channel = channel();
			if (this.connected.isDone() && !this.connected.isCompletedExceptionally()) {
				channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
					.addListener(ChannelFutureListener.CLOSE);
			}
			else {
				channel.close();
			}
		});
		return closed;
	}

	void attach(Channel channel) {
		this.channel = channel;
	}

	void connectFailed(Throwable cause) {
		this.connected.completeExceptionally(cause);
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.channel = ctx.channel();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
			write(StompFrames.connect(ctx.alloc(), this.host, this.token));
		}
		else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
			lose("WebSocket handshake timed out");
		}
		super.userEventTriggered(ctx, event);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (!(msg instanceof StompFrame frame)) {
			ReferenceCountUtil.release(msg);
			return;
		}
		long receivedNanos = System.nanoTime();
		try {
			switch (frame.command()) {
				case MESSAGE -> this.listener.onMessage(frame, receivedNanos);
				case RECEIPT -> receipt(frame.header("receipt-id"));
				case CONNECTED -> startHeartbeats(frame.header("heart-beat"));
				case ERROR -> lose("ERROR frame: " + frame.header("message"));
				default -> {
				}
			}
		}
		finally {
			frame.release();
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		if (!this.closing) {
			lose("connection closed by the server");
		}
		if (this.heartbeats != null) {
			this.heartbeats.cancel(false);
		}
		IllegalStateException closed = new IllegalStateException("session closed");
		this.connected.completeExceptionally(closed);
		this.awaitedReceipts.values().forEach((receipt) -> receipt.completeExceptionally(closed));
		this.awaitedReceipts.clear();
		super.channelInactive(ctx);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (!this.connected.isDone()) {
			this.connected.completeExceptionally(cause);
		}
		lose(cause.toString());
		ctx.close();
	}

	private void receipt(@Nullable String id) {
		CompletableFuture<Void> awaited = (id != null) ? this.awaitedReceipts.remove(id) : null;
		if (awaited != null) {
			awaited.complete(null);
		}
		else if (id != null) {
			this.listener.onReceipt(id);
		}
	}

	/**
	 * We promised {@code 10000} and must send at least as often as the server asks
	 * ({@code max(ours, its second value)}), or the broker drops the session as silent.
	 */
	private void startHeartbeats(@Nullable String agreed) {
		long serverWants = 0;
		if (agreed != null && agreed.indexOf(',') > 0) {
			serverWants = Long.parseLong(agreed.substring(agreed.indexOf(',') + 1).strip());
		}
		if (serverWants > 0) {
			long interval = Math.max(serverWants, 10_000);
			this.heartbeats = channel().eventLoop()
				.scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
		}
		this.connected.complete(this);
	}

	private void heartbeat() {
		ByteBuf newline = channel().alloc().buffer(1).writeByte('\n');
		write(newline);
	}

	private void lose(String reason) {
		if (!this.closing && this.lostReason == null) {
			this.lostReason = reason;
		}
		this.connected.completeExceptionally(new IllegalStateException(reason));
		channel().close();
	}

	private void write(ByteBuf stomp) {
		Channel channel = channel();
		channel.writeAndFlush(new TextWebSocketFrame(stomp), channel.voidPromise());
	}

	private Channel channel() {
		Channel channel = this.channel;
		if (channel == null) {
			throw new IllegalStateException("session not attached to a connection yet");
		}
		return channel;
	}

	private void onEventLoop(Runnable task) {
		if (channel().eventLoop().inEventLoop()) {
			task.run();
		}
		else {
			channel().eventLoop().execute(task);
		}
	}

}
