/**
 * A lean STOMP 1.2 client over Netty's WebSocket client: enough of the protocol to load a
 * server with thousands of sessions without becoming the bottleneck itself.
 */
@NullMarked
package io.switchboard.bench.stomp;

import org.jspecify.annotations.NullMarked;
