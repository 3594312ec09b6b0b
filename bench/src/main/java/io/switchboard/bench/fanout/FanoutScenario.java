package io.switchboard.bench.fanout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import io.switchboard.bench.sending.CpuUse;
import io.switchboard.bench.sending.LatencyRecorder;
import io.switchboard.bench.sending.MessagePublisher;
import io.switchboard.bench.sending.ScenarioParts;
import io.switchboard.bench.stomp.OpenedSessions;
import io.switchboard.bench.stomp.SessionPlan;

/**
 * Runs fanout: a fresh public channel per run, its subscribers confirmed before the first
 * SEND, then warm-up, measurement and a drain that waits for every delivery.
 */
public final class FanoutScenario {

	private final ScenarioParts parts;

	public FanoutScenario(ScenarioParts parts) {
		this.parts = parts;
	}

	public FanoutResult run(FanoutSettings settings) throws InterruptedException {
		String owner = this.parts.tokens().mint(this.parts.users().publisher(0));
		long channelId;
		long seqAtStart;
		try {
			channelId = this.parts.channels().createPublicChannel(owner, "bench-" + System.currentTimeMillis());
			for (int i = 1; i < settings.publishers(); i++) {
				this.parts.channels().join(this.parts.tokens().mint(this.parts.users().publisher(i)), channelId);
			}
			seqAtStart = this.parts.channels().lastSeq(owner, channelId);
		}
		catch (IOException ex) {
			return FanoutResult.failed(settings, "channel setup failed: " + ex.getMessage());
		}
		LatencyRecorder latencies = new LatencyRecorder();
		LongAdder deliveries = new LongAdder();
		List<ChannelSubscriber> subscribers = IntStream.range(0, settings.subscribers())
			.mapToObj((i) -> new ChannelSubscriber(seqAtStart, latencies, deliveries))
			.toList();
		String topic = "/topic/channel." + channelId;
		this.parts.progress().printf("  %,d subscribers to %s ...%n", settings.subscribers(), topic);
		OpenedSessions subscribed = this.parts.opener()
			.open(settings.subscribers(), (i) -> new SessionPlan(this.parts.tokens().mint(this.parts.users().member(i)),
					subscribers.get(i), List.of(topic)));
		try {
			if (subscribed.failed() > 0) {
				return FanoutResult.failed(settings, subscribed.failed() + " of " + settings.subscribers()
						+ " subscribers could not subscribe: " + subscribed.firstFailure());
			}
			LongAdder stored = new LongAdder();
			List<MessagePublisher> publishers = IntStream.range(0, settings.publishers())
				.mapToObj((i) -> new MessagePublisher("p" + i, "/app/channel." + channelId + ".send", stored, null))
				.toList();
			OpenedSessions publishing = this.parts.opener()
				.open(settings.publishers(),
						(i) -> new SessionPlan(this.parts.tokens().mint(this.parts.users().publisher(i)),
								publishers.get(i), List.of(MessagePublisher.ERRORS)));
			try {
				if (publishing.failed() > 0) {
					return FanoutResult.failed(settings,
							publishing.failed() + " publishers could not connect: " + publishing.firstFailure());
				}
				for (int i = 0; i < publishers.size(); i++) {
					publishers.get(i).attach(publishing.sessions().get(i));
				}
				Measurement measurement = new Measurement(settings, publishers, subscribers, latencies, stored,
						deliveries, () -> this.parts.channels().lastSeq(owner, channelId),
						new CpuUse(this.parts.serverPid()), this.parts.progress());
				FanoutResult result = measurement.run(this.parts.client().eventLoops());
				return withLostSessions(result, subscribed, publishing);
			}
			finally {
				publishing.closeAll();
			}
		}
		finally {
			subscribed.closeAll();
		}
	}

	private static FanoutResult withLostSessions(FanoutResult result, OpenedSessions subscribed,
			OpenedSessions publishing) {
		int lostSubscribers = subscribed.lost().size();
		int lostPublishers = publishing.lost().size();
		if (lostSubscribers + lostPublishers == 0) {
			return result;
		}
		List<String> notes = new ArrayList<>(result.notes());
		OpenedSessions any = (lostSubscribers > 0) ? subscribed : publishing;
		notes.add(lostSubscribers + " subscriber and " + lostPublishers + " publisher sessions ended by the server ("
				+ any.lost().get(0).lostReason() + ")");
		return new FanoutResult(result.settings(), result.storedPerSecond(), result.deliveriesPerSecond(),
				result.latency(), result.gaps(), notes, result.failure());
	}

}
