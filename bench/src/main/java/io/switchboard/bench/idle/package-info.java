/**
 * Idle sessions: what each authenticated, subscribed but silent session costs the server
 * in live heap.
 */
@NullMarked
package io.switchboard.bench.idle;

import org.jspecify.annotations.NullMarked;
