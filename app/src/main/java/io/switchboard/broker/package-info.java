/**
 * The embedded Artemis broker, the STOMP broker relay to it and the STOMP endpoints.
 */
@NullMarked
package io.switchboard.broker;

import org.jspecify.annotations.NullMarked;
