package io.switchboard.bench.sending;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.FastThreadLocal;
import org.HdrHistogram.Histogram;

/**
 * End-to-end latency in microseconds, one histogram per event loop thread so that
 * recording takes no lock. Only messages sent inside the measured window count.
 */
public final class LatencyRecorder {

	private static final int SIGNIFICANT_DIGITS = 3;

	private final FastThreadLocal<Histogram> histograms = new FastThreadLocal<>() {
		@Override
		protected Histogram initialValue() {
			return new Histogram(SIGNIFICANT_DIGITS);
		}
	};

	private volatile long windowStart = Long.MAX_VALUE;

	private volatile long windowEnd = Long.MAX_VALUE;

	public void record(long sentNanos, long receivedNanos) {
		if (sentNanos >= this.windowStart && sentNanos < this.windowEnd) {
			this.histograms.get().recordValue(Math.max(0, (receivedNanos - sentNanos) / 1000));
		}
	}

	public void openWindow(long nanos) {
		this.windowStart = nanos;
	}

	public void closeWindow(long nanos) {
		this.windowEnd = nanos;
	}

	/**
	 * Every thread's histogram, added up. Each is copied on its own thread, which is the
	 * only one that writes it.
	 */
	public Histogram merge(EventExecutorGroup eventLoops)
			throws InterruptedException, ExecutionException, TimeoutException {
		List<Future<Histogram>> copies = new ArrayList<>();
		for (EventExecutor loop : eventLoops) {
			copies.add(loop.submit(() -> {
				Histogram copy = this.histograms.get().copy();
				this.histograms.remove();
				return copy;
			}));
		}
		Histogram total = new Histogram(SIGNIFICANT_DIGITS);
		for (Future<Histogram> copy : copies) {
			total.add(copy.get(30, TimeUnit.SECONDS));
		}
		return total;
	}

}
