/**
 * The server under test: one the bench starts with a database of its own, or one already
 * running on this machine.
 */
@NullMarked
package io.switchboard.bench.server;

import org.jspecify.annotations.NullMarked;
