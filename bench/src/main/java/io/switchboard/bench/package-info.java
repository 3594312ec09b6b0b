/**
 * A load benchmark for the Switchboard server: fanout throughput and latency, and heap
 * per idle session, printed as one table.
 */
@NullMarked
package io.switchboard.bench;

import org.jspecify.annotations.NullMarked;
