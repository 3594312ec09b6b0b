package io.switchboard.bench.stomp;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Opens STOMP sessions to one server's {@code /ws} endpoint, all served by a few event
 * loop threads.
 */
public final class StompClient implements AutoCloseable {

	private final EventLoopGroup eventLoops;

	private final Bootstrap bootstrap;

	private final URI webSocketUri;

	private final boolean epoll;

	public StompClient(URI webSocketUri, int threads) {
		this.webSocketUri = webSocketUri;
		this.epoll = Epoll.isAvailable();
		this.eventLoops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("stomp-client"),
				this.epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
		this.bootstrap = new Bootstrap().group(this.eventLoops)
			.channel(this.epoll ? EpollSocketChannel.class : NioSocketChannel.class)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
			.remoteAddress(new InetSocketAddress(webSocketUri.getHost(), webSocketUri.getPort()));
	}

	/**
	 * Starts connecting; the session's {@link StompSession#connected()} says when it is
	 * ready.
	 */
	public StompSession open(String token, StompListener listener) {
		StompSession session = new StompSession(this.webSocketUri.getHost(), token, listener);
		ChannelFuture connect = this.bootstrap.clone().handler(new ChannelInitializer<Channel>() {
			@Override
			protected void initChannel(Channel channel) {
				channel.pipeline()
					.addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
							new WebSocketClientProtocolHandler(webSocketConfig()), new WebSocketPayloads(),
							new StompFrameDecoder(), session);
			}
		}).connect();
		session.attach(connect.channel());
		connect.addListener((done) -> {
			if (!done.isSuccess()) {
				session.connectFailed(done.cause());
			}
		});
		return session;
	}

	public EventLoopGroup eventLoops() {
		return this.eventLoops;
	}

	public String transport() {
		return this.epoll ? "epoll" : "nio";
	}

	private WebSocketClientProtocolConfig webSocketConfig() {
		return WebSocketClientProtocolConfig.newBuilder()
			.webSocketUri(this.webSocketUri)
			.version(WebSocketVersion.V13)
			.maxFramePayloadLength(StompFrameDecoder.MAX_FRAME_BYTES)
			.handshakeTimeoutMillis(15_000)
			// Spare the CPU the server shares: the bench trusts the server's UTF-8.
			.withUTF8Validator(false)
			.dropPongFrames(true)
			.build();
	}

	@Override
	public void close() {
		this.eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
	}

}
