package io.switchboard.bench.fanout;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.netty.util.concurrent.EventExecutorGroup;
import io.switchboard.bench.sending.CpuUse;
import io.switchboard.bench.sending.Latency;
import io.switchboard.bench.sending.LatencyRecorder;
import io.switchboard.bench.sending.MessagePublisher;
import io.switchboard.bench.sending.Publishers;
import org.HdrHistogram.Histogram;

/**
 * The timed part of a fanout run: warm-up, the measured window, then a drain that waits,
 * a bounded time, for outstanding receipts and deliveries so that none count as lost.
 */
final class Measurement {

	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

	private final FanoutSettings settings;

	private final List<MessagePublisher> publishers;

	private final List<ChannelSubscriber> subscribers;

	private final LatencyRecorder latencies;

	private final LongAdder stored;

	private final LongAdder deliveries;

	private final ChannelSeq channelSeq;

	private final CpuUse cpu;

	private final PrintStream progress;

	Measurement(FanoutSettings settings, List<MessagePublisher> publishers, List<ChannelSubscriber> subscribers,
			LatencyRecorder latencies, LongAdder stored, LongAdder deliveries, ChannelSeq channelSeq, CpuUse cpu,
			PrintStream progress) {
		this.settings = settings;
		this.publishers = publishers;
		this.subscribers = subscribers;
		this.latencies = latencies;
		this.stored = stored;
		this.deliveries = deliveries;
		this.channelSeq = channelSeq;
		this.cpu = cpu;
		this.progress = progress;
	}

	FanoutResult run(EventExecutorGroup eventLoops) throws InterruptedException {
		this.progress.printf("  warm-up %d s, measuring %d s%n", this.settings.warmup().toSeconds(),
				this.settings.duration().toSeconds());
		long start = System.nanoTime();
		Publishers sending = new Publishers(this.publishers);
		sending.start(this.settings.rate(), this.settings.window());
		Publishers.sleepUntil(start + this.settings.warmup().toNanos());
		long windowStart = System.nanoTime();
		this.latencies.openWindow(windowStart);
		long storedBefore = this.stored.sum();
		long deliveredBefore = this.deliveries.sum();
		this.cpu.start();
		Publishers.sleepUntil(windowStart + this.settings.duration().toNanos());
		long windowEnd = System.nanoTime();
		this.latencies.closeWindow(windowEnd);
		long storedInWindow = this.stored.sum() - storedBefore;
		long deliveredInWindow = this.deliveries.sum() - deliveredBefore;
		String cpuUse = this.cpu.stop();
		sending.stop();
		double seconds = (windowEnd - windowStart) / 1e9;
		double storedPerSecond = storedInWindow / seconds;
		double deliveriesPerSecond = deliveredInWindow / seconds;

		List<String> notes = new ArrayList<>();
		if (!this.settings.flatOut() && storedPerSecond < this.settings.rate() * 0.95) {
			notes.add(String.format("the server stored %.1f msg/s of the %s sent", storedPerSecond,
					this.settings.label().replace("fanout ", "")));
		}
		// Each stored message should reach every subscriber within the window, bar the
		// few
		// in flight at its edges.
		double published = storedPerSecond * this.subscribers.size();
		if (deliveriesPerSecond < published * 0.9) {
			notes.add(String.format("deliveries fell behind: %,.0f/s received of %,.0f/s published",
					deliveriesPerSecond, published));
		}
		int unconfirmed = sending.awaitReceipts(DRAIN_TIMEOUT);
		if (unconfirmed > 0) {
			notes.add(unconfirmed + " SENDs had no RECEIPT " + DRAIN_TIMEOUT.toSeconds() + " s after the last one");
		}
		long finalSeq;
		try {
			finalSeq = this.channelSeq.lastSeq();
		}
		catch (IOException ex) {
			return FanoutResult.failed(this.settings, "could not read the channel's final seq: " + ex.getMessage());
		}
		int behind = awaitDeliveries(finalSeq);
		SeqGaps gaps = SeqGaps.of(this.subscribers, finalSeq);
		if (behind > 0) {
			notes.add(String.format(
					"%,d subscribers were still %,d events short of seq %d %d s after the last RECEIPT; "
							+ "latency counts only what arrived",
					behind, gaps.undelivered(), finalSeq, DRAIN_TIMEOUT.toSeconds()));
		}
		if (gaps.total() > 0) {
			notes.add(String.format("gaps: %,d subscribers missed %,d seq and got %,d out of order; worst %,d",
					gaps.subscribers(), gaps.missing(), gaps.outOfOrder(), gaps.worst()));
		}
		sending.refusals().ifPresent(notes::add);
		notes.add(cpuUse);
		return new FanoutResult(this.settings, storedPerSecond, deliveriesPerSecond, latency(eventLoops), gaps.total(),
				notes, null);
	}

	private int awaitDeliveries(long finalSeq) throws InterruptedException {
		long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
		int behind;
		while ((behind = (int) this.subscribers.stream().filter((s) -> !s.hasSeen(finalSeq)).count()) > 0
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		return behind;
	}

	private Latency latency(EventExecutorGroup eventLoops) throws InterruptedException {
		try {
			Histogram micros = this.latencies.merge(eventLoops);
			return Latency.of(micros);
		}
		catch (ExecutionException | TimeoutException ex) {
			return Latency.NONE;
		}
	}

	/**
	 * The channel's current sequence, read from the server.
	 */
	interface ChannelSeq {

		long lastSeq() throws IOException, InterruptedException;

	}

}
