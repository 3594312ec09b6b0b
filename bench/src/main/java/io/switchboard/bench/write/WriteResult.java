package io.switchboard.bench.write;

import java.util.List;

import io.switchboard.bench.sending.Latency;
import org.jspecify.annotations.Nullable;

/**
 * What one write-path run measured.
 *
 * @param settings the run
 * @param storedPerSecond RECEIPTs per second over all channels while measuring
 * @param receiptLatency send to RECEIPT, for SENDs made while measuring
 * @param confirmed RECEIPTs over the whole run, warm-up and drain included
 * @param faults what the fresh reader found wrong: a confirmed message missing, one
 * stored twice, a {@code seq} skipped or out of order
 * @param notes anything else worth reading
 * @param failure why the run could not measure, if it could not
 */
public record WriteResult(WriteSettings settings, double storedPerSecond, Latency receiptLatency, long confirmed,
		long faults, List<String> notes, @Nullable String failure) {

	static WriteResult failed(WriteSettings settings, String failure) {
		return new WriteResult(settings, Double.NaN, Latency.NONE, 0, 0, List.of(), failure);
	}

}
