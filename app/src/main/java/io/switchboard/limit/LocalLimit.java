package io.switchboard.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * A limit kept in this node's memory. A bucket that has refilled to its capacity is the
 * same as none, so such buckets are dropped now and then: memory follows the keys that
 * are busy, not every key ever seen.
 */
final class LocalLimit implements Limit {

	private static final int SWEEP_EVERY = 4096;

	private final BucketConfiguration configuration;

	private final long capacity;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicInteger untilSweep = new AtomicInteger(SWEEP_EVERY);

	LocalLimit(BucketConfiguration configuration) {
		this.configuration = configuration;
		this.capacity = configuration.getBandwidths()[0].getCapacity();
	}

	@Override
	public Decision take(String key) {
		if (this.untilSweep.decrementAndGet() <= 0) {
			this.untilSweep.set(SWEEP_EVERY);
			this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.capacity);
		}
		return Decision.of(bucket(key).tryConsumeAndReturnRemaining(1));
	}

	@Override
	public void giveBack(String key) {
		bucket(key).addTokens(1);
	}

	int size() {
		return this.buckets.size();
	}

	private Bucket bucket(String key) {
		return this.buckets.computeIfAbsent(key,
				(unused) -> Bucket.builder().addLimit(this.configuration.getBandwidths()[0]).build());
	}

}
