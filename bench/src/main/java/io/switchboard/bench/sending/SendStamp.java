package io.switchboard.bench.sending;

/**
 * The content of a bench message: its send time ({@link System#nanoTime()} of this JVM),
 * padded to a typical chat message's size.
 */
public final class SendStamp {

	public static final String MARK = "t";

	public static final int CONTENT_LENGTH = 100;

	private static final String PADDING = " " + "lorem ipsum dolor sit amet ".repeat(4);

	private SendStamp() {
	}

	public static String content(long sentNanos) {
		String stamp = MARK + sentNanos;
		return stamp + PADDING.substring(0, Math.max(1, CONTENT_LENGTH - stamp.length())).stripTrailing();
	}

}
