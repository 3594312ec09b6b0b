package io.switchboard.bench.write;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.switchboard.bench.sending.CpuUse;
import io.switchboard.bench.sending.Latency;
import io.switchboard.bench.sending.LatencyRecorder;
import io.switchboard.bench.sending.MessagePublisher;
import io.switchboard.bench.sending.Publishers;
import io.switchboard.bench.sending.ScenarioParts;
import io.switchboard.bench.stomp.OpenedSessions;
import io.switchboard.bench.stomp.SessionPlan;

/**
 * Runs the write path: fresh public channels, each with its senders, who send flat out or
 * at a steady rate; after a drain that waits for every RECEIPT, a fresh reader checks
 * each channel. Nobody subscribes to the channels: this measures storing, not delivery.
 */
public final class WriteScenario {

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

	private final ScenarioParts parts;

	public WriteScenario(ScenarioParts parts) {
		this.parts = parts;
	}

	/**
	 * Senders the largest of the given runs needs, each a bench publisher.
	 */
	public static int sendersNeeded(List<WriteSettings> runs) {
		return runs.stream().mapToInt(WriteSettings::senders).max().orElse(0);
	}

	public WriteResult run(WriteSettings settings) throws InterruptedException {
		// The first publisher creates every channel and reads them back afterwards; each
		// sender is one publisher, a member of one channel.
		String owner = this.parts.tokens().mint(this.parts.users().publisher(0));
		long[] channelIds = new long[settings.channels()];
		long[] seqAtStart = new long[settings.channels()];
		try {
			for (int c = 0; c < settings.channels(); c++) {
				channelIds[c] = this.parts.channels()
					.createPublicChannel(owner, "write-" + System.nanoTime() + "-" + c);
				for (int s = 0; s < settings.sendersPerChannel(); s++) {
					int sender = c * settings.sendersPerChannel() + s;
					if (sender != 0) {
						this.parts.channels()
							.join(this.parts.tokens().mint(this.parts.users().publisher(sender)), channelIds[c]);
					}
				}
				seqAtStart[c] = this.parts.channels().lastSeq(owner, channelIds[c]);
			}
		}
		catch (IOException ex) {
			return WriteResult.failed(settings, "channel setup failed: " + ex.getMessage());
		}
		LongAdder stored = new LongAdder();
		LatencyRecorder receiptLatency = new LatencyRecorder();
		List<MessagePublisher> senders = new ArrayList<>();
		for (int i = 0; i < settings.senders(); i++) {
			long channelId = channelIds[i / settings.sendersPerChannel()];
			senders.add(new MessagePublisher("w" + System.nanoTime() + "s" + i, "/app/channel." + channelId + ".send",
					stored, receiptLatency));
		}
		this.parts.progress().printf("  %,d senders into %,d channels ...%n", settings.senders(), settings.channels());
		OpenedSessions opened = this.parts.opener()
			.open(settings.senders(), (i) -> new SessionPlan(this.parts.tokens().mint(this.parts.users().publisher(i)),
					senders.get(i), List.of(MessagePublisher.ERRORS)));
		try {
			if (opened.failed() > 0) {
				return WriteResult.failed(settings,
						opened.failed() + " senders could not connect: " + opened.firstFailure());
			}
			for (int i = 0; i < senders.size(); i++) {
				senders.get(i).attach(opened.sessions().get(i));
			}
			return measure(settings, senders, stored, receiptLatency, channelIds, seqAtStart, owner);
		}
		finally {
			opened.closeAll();
		}
	}

	private WriteResult measure(WriteSettings settings, List<MessagePublisher> senders, LongAdder stored,
			LatencyRecorder receiptLatency, long[] channelIds, long[] seqAtStart, String owner)
			throws InterruptedException {
		this.parts.progress()
			.printf("  warm-up %d s, measuring %d s%n", settings.warmup().toSeconds(), settings.duration().toSeconds());
		CpuUse cpu = new CpuUse(this.parts.serverPid());
		long start = System.nanoTime();
		Publishers sending = new Publishers(senders);
		sending.start(settings.rate(), settings.window());
		Publishers.sleepUntil(start + settings.warmup().toNanos());
		long windowStart = System.nanoTime();
		receiptLatency.openWindow(windowStart);
		long storedBefore = stored.sum();
		cpu.start();
		Publishers.sleepUntil(windowStart + settings.duration().toNanos());
		long windowEnd = System.nanoTime();
		receiptLatency.closeWindow(windowEnd);
		long storedInWindow = stored.sum() - storedBefore;
		String cpuUse = cpu.stop();
		sending.stop();
		double storedPerSecond = storedInWindow / ((windowEnd - windowStart) / 1e9);

		List<String> notes = new ArrayList<>();
		if (!settings.flatOut() && storedPerSecond < settings.rate() * 0.95) {
			notes.add(String.format("the server stored %.1f msg/s of the %s sent", storedPerSecond,
					settings.label().replaceAll(".*, ", "")));
		}
		int unconfirmed = sending.awaitReceipts(DRAIN_TIMEOUT);
		if (unconfirmed > 0) {
			notes.add(unconfirmed + " SENDs had no RECEIPT " + DRAIN_TIMEOUT.toSeconds() + " s after the last one");
		}
		sending.refusals().ifPresent(notes::add);
		long confirmed = senders.stream().mapToLong(MessagePublisher::confirmed).sum();
		long faults = 0;
		FreshReader reader = new FreshReader(this.parts.channels(), owner);
		try {
			for (int c = 0; c < channelIds.length; c++) {
				long channelConfirmed = senders
					.subList(c * settings.sendersPerChannel(), (c + 1) * settings.sendersPerChannel())
					.stream()
					.mapToLong(MessagePublisher::confirmed)
					.sum();
				FreshReader.Check check = reader.check(channelIds[c], seqAtStart[c], channelConfirmed);
				if (check.faults() > 0 && faults == 0) {
					notes.add("the reader found: " + check.firstFault());
				}
				faults += check.faults();
			}
		}
		catch (IOException ex) {
			return WriteResult.failed(settings, "could not read the channels back: " + ex.getMessage());
		}
		notes.add(cpuUse);
		return new WriteResult(settings, storedPerSecond, latency(receiptLatency), confirmed, faults, notes, null);
	}

	private Latency latency(LatencyRecorder recorder) throws InterruptedException {
		try {
			return Latency.of(recorder.merge(this.parts.client().eventLoops()));
		}
		catch (ExecutionException | TimeoutException ex) {
			return Latency.NONE;
		}
	}

}
