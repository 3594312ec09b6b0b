package io.switchboard.bench.fanout;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.switchboard.bench.sending.SendStamp;

/**
 * Reads the two fields a subscriber needs from a channel event's JSON without parsing it:
 * at a hundred thousand events a second, a JSON tree per event would make the bench the
 * bottleneck.
 */
final class EventFields {

	static final long ABSENT = Long.MIN_VALUE;

	// The event's own seq comes before its message's, and "lastSeq" does not match.
	private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] STAMPED_CONTENT = ("\"content\":\"" + SendStamp.MARK)
		.getBytes(StandardCharsets.US_ASCII);

	private EventFields() {
	}

	/**
	 * The event's {@code seq}, or {@link #ABSENT} for events without one.
	 */
	static long seq(ByteBuf json, int from, int to) {
		return numberAfter(json, from, to, SEQ);
	}

	/**
	 * The send time a bench publisher put in the message content, or {@link #ABSENT}.
	 */
	static long sentNanos(ByteBuf json, int from, int to) {
		return numberAfter(json, from, to, STAMPED_CONTENT);
	}

	private static long numberAfter(ByteBuf json, int from, int to, byte[] key) {
		int at = indexOf(json, from, to, key);
		if (at < 0) {
			return ABSENT;
		}
		int i = at + key.length;
		boolean negative = i < to && json.getByte(i) == '-';
		if (negative) {
			i++;
		}
		long value = 0;
		int digits = 0;
		for (; i < to; i++, digits++) {
			byte b = json.getByte(i);
			if (b < '0' || b > '9') {
				break;
			}
			value = value * 10 + (b - '0');
		}
		if (digits == 0) {
			return ABSENT;
		}
		return negative ? -value : value;
	}

	private static int indexOf(ByteBuf json, int from, int to, byte[] key) {
		int last = to - key.length;
		int i = from;
		while (i <= last) {
			int candidate = json.indexOf(i, last + 1, key[0]);
			if (candidate < 0) {
				return -1;
			}
			if (matchesAt(json, candidate, key)) {
				return candidate;
			}
			i = candidate + 1;
		}
		return -1;
	}

	private static boolean matchesAt(ByteBuf json, int at, byte[] key) {
		for (int k = 1; k < key.length; k++) {
			if (json.getByte(at + k) != key[k]) {
				return false;
			}
		}
		return true;
	}

}
