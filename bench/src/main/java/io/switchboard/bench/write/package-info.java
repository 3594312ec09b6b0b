/**
 * The write path: sessions send into one or many channels as fast as the server confirms,
 * or at a steady rate; stored messages per second, send-to-RECEIPT latency, and a fresh
 * reader's check that every confirmed message is stored exactly once in {@code seq}
 * order.
 */
@NullMarked
package io.switchboard.bench.write;

import org.jspecify.annotations.NullMarked;
