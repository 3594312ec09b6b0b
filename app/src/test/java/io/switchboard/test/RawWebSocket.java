package io.switchboard.test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WebSocket client on a plain socket, for what well-behaved clients never do: stop
 * reading, or never send CONNECT. It reads only when told to.
 */
public final class RawWebSocket implements AutoCloseable {

	private static final SecureRandom random = new SecureRandom();

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	private RawWebSocket(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
	}

	/**
	 * Opens {@code /ws} with a small receive buffer, so that a client that stops reading
	 * soon makes the server's writes wait.
	 */
	public static RawWebSocket open(int port) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(15_000);
		RawWebSocket webSocket = new RawWebSocket(socket);
		webSocket.handshake(port);
		return webSocket;
	}

	private void handshake(int port) throws IOException {
		byte[] key = new byte[16];
		random.nextBytes(key);
		this.out.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		this.out.flush();
		StringBuilder response = new StringBuilder();
		while (!response.toString().endsWith("\r\n\r\n")) {
			response.append((char) this.in.readUnsignedByte());
		}
		if (!response.toString().startsWith("HTTP/1.1 101")) {
			throw new IOException("no WebSocket upgrade: " + response);
		}
	}

	/**
	 * Sends one STOMP frame as a masked text message.
	 */
	public void send(String frame) throws IOException {
		byte[] payload = frame.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		message.write(0x81);
		if (payload.length < 126) {
			message.write(0x80 | payload.length);
		}
		else if (payload.length < 65536) {
			message.write(0x80 | 126);
			message.write(payload.length >>> 8);
			message.write(payload.length & 0xff);
		}
		else {
			message.write(0x80 | 127);
			for (int shift = 56; shift >= 0; shift -= 8) {
				message.write((int) ((long) payload.length >>> shift) & 0xff);
			}
		}
		byte[] mask = new byte[4];
		random.nextBytes(mask);
		message.write(mask);
		for (int i = 0; i < payload.length; i++) {
			message.write(payload[i] ^ mask[i % 4]);
		}
		this.out.write(message.toByteArray());
		this.out.flush();
	}

	/**
	 * The next text message, or {@code null} once the server has closed the connection;
	 * fails if nothing comes within the socket's timeout.
	 */
	public String nextMessage() throws IOException {
		ByteArrayOutputStream message = new ByteArrayOutputStream();
		try {
			while (true) {
				int first = this.in.readUnsignedByte();
				boolean last = (first & 0x80) != 0;
				int opcode = first & 0x0f;
				long length = this.in.readUnsignedByte() & 0x7f;
				if (length == 126) {
					length = this.in.readUnsignedShort();
				}
				else if (length == 127) {
					length = this.in.readLong();
				}
				byte[] payload = new byte[(int) length];
				this.in.readFully(payload);
				if (opcode == 0x8) {
					return null;
				}
				// A long message may come in fragments: a text frame, then continuations.
				if (opcode == 0x1 || opcode == 0x0) {
					message.write(payload);
					if (last) {
						return message.toString(StandardCharsets.UTF_8);
					}
				}
			}
		}
		catch (EOFException | SocketException closed) {
			return null;
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("nothing from the server within the socket's timeout; where the server's "
					+ "threads were:\n" + serverThreads(), ex);
		}
	}

	/**
	 * The stacks of the threads running the server's own code: the server runs in the
	 * test's JVM, so a server that goes silent shows here where it waits.
	 */
	private static String serverThreads() {
		StringBuilder dump = new StringBuilder();
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			boolean ours = Arrays.stream(thread.getStackTrace())
				.anyMatch((frame) -> frame.getClassName().startsWith("io.switchboard.")
						&& !frame.getClassName().startsWith("io.switchboard.test.")
						&& !frame.getClassName().startsWith("io.switchboard.fuzz."));
			if (ours) {
				dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
				if (thread.getLockName() != null) {
					dump.append(" on ").append(thread.getLockName());
				}
				dump.append('\n');
				for (StackTraceElement frame : thread.getStackTrace()) {
					dump.append("\tat ").append(frame).append('\n');
				}
			}
		}
		return (dump.length() > 0) ? dump.toString() : "none in the server's code\n";
	}

	/**
	 * Reads every text message until the server closes the connection, and returns them
	 * joined; fails if the server does not close within the socket's timeout.
	 */
	public String readUntilClosed() throws IOException {
		StringBuilder text = new StringBuilder();
		try {
			for (String message = nextMessage(); message != null; message = nextMessage()) {
				text.append(message);
			}
			return text.toString();
		}
		catch (AssertionError ex) {
			throw new AssertionError("the server did not close the connection; read so far: " + text, ex);
		}
	}

	/**
	 * The first ERROR frame in what was read, its headers as sent (not unescaped), so a
	 * test sees what a client that does not unescape them shows.
	 */
	public static Frame errorFrame(String received) {
		int start = received.indexOf("ERROR\n");
		if (start < 0) {
			throw new AssertionError("no ERROR frame in: " + received);
		}
		int end = received.indexOf('\0', start);
		String frame = received.substring(start, (end < 0) ? received.length() : end);
		int blank = frame.indexOf("\n\n");
		String head = (blank < 0) ? frame : frame.substring(0, blank);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : head.substring("ERROR\n".length()).split("\n")) {
			int colon = line.indexOf(':');
			headers.putIfAbsent(line.substring(0, colon), line.substring(colon + 1));
		}
		return new Frame(headers, (blank < 0) ? "" : frame.substring(blank + 2));
	}

	/**
	 * A frame as it came over the wire.
	 */
	public record Frame(Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name);
		}

	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
