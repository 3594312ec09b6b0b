package io.switchboard.bench.fanout;

import java.util.List;

import io.switchboard.bench.sending.Latency;
import org.jspecify.annotations.Nullable;

/**
 * What one fanout run measured.
 *
 * @param settings the run
 * @param storedPerSecond RECEIPTs per second: messages the server committed
 * @param deliveriesPerSecond frames all subscribers received per second
 * @param latency send to delivery, for messages sent while measuring
 * @param gaps {@code seq} values subscribers missed or got out of order
 * @param notes anything else worth reading: errors, lost sessions, timeouts
 * @param failure why the run could not measure, if it could not
 */
public record FanoutResult(FanoutSettings settings, double storedPerSecond, double deliveriesPerSecond, Latency latency,
		long gaps, List<String> notes, @Nullable String failure) {

	static FanoutResult failed(FanoutSettings settings, String failure) {
		return new FanoutResult(settings, Double.NaN, Double.NaN, Latency.NONE, 0, List.of(), failure);
	}

}
