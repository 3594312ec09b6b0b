/**
 * The delivery engine: STOMP sessions and their subscriptions on this node, ordered and
 * repaired delivery of channel events, and the node's link to Apache Artemis, embedded by
 * default, which carries events between nodes.
 */
@NullMarked
package io.switchboard.broker;

import org.jspecify.annotations.NullMarked;
