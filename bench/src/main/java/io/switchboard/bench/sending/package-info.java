/**
 * What every sending scenario shares: sessions that send messages stamped with their send
 * time, latency histograms, and the CPU the server and the bench use while measuring.
 */
@NullMarked
package io.switchboard.bench.sending;

import org.jspecify.annotations.NullMarked;
