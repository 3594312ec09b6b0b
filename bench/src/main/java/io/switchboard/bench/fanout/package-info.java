/**
 * Fanout: publishers send to one public channel, every subscriber receives every message;
 * throughput, end-to-end latency and {@code seq} gaps.
 */
@NullMarked
package io.switchboard.bench.fanout;

import org.jspecify.annotations.NullMarked;
