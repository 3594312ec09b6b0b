package io.switchboard.bench.write;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import io.switchboard.bench.setup.ChannelApi;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a channel's messages after a run as a client recovering with {@code sinceSeq}
 * would, page by page, and checks them against what the senders were confirmed.
 */
final class FreshReader {

	private static final int PAGE = 1000;

	private final ChannelApi channels;

	private final String token;

	FreshReader(ChannelApi channels, String token) {
		this.channels = channels;
		this.token = token;
	}

	/**
	 * @param afterSeq the channel's {@code seq} before the run's first SEND
	 * @param confirmed RECEIPTs the run's senders got for this channel
	 */
	Check check(long channelId, long afterSeq, long confirmed) throws IOException, InterruptedException {
		Set<String> clientMessageIds = new HashSet<>();
		long expectedSeq = afterSeq + 1;
		long since = afterSeq;
		long read = 0;
		long faults = 0;
		String firstFault = null;
		boolean more = true;
		while (more) {
			JsonNode page = this.channels.messagesSince(this.token, channelId, since, PAGE);
			for (JsonNode message : page.get("messages")) {
				read++;
				long seq = message.get("seq").asLong();
				String clientMessageId = message.get("clientMessageId").asString();
				if (seq != expectedSeq) {
					faults++;
					firstFault = (firstFault != null) ? firstFault
							: "seq " + seq + " where " + expectedSeq + " was due";
				}
				if (!clientMessageIds.add(clientMessageId)) {
					faults++;
					firstFault = (firstFault != null) ? firstFault : clientMessageId + " stored twice";
				}
				expectedSeq = seq + 1;
				since = message.get("lastSeq").asLong();
			}
			more = page.get("hasMore").asBoolean();
		}
		if (read != confirmed) {
			faults += Math.abs(confirmed - read);
			firstFault = (firstFault != null) ? firstFault
					: "channel " + channelId + " holds " + read + " messages for " + confirmed + " RECEIPTs";
		}
		return new Check(read, faults, firstFault);
	}

	/**
	 * @param read messages the reader found
	 * @param faults what was wrong, counted
	 * @param firstFault the first of them, described
	 */
	record Check(long read, long faults, @Nullable String firstFault) {

	}

}
