/**
 * Channels and their members, and the per-channel sequence that orders every stored
 * change.
 */
@NullMarked
package io.switchboard.channel;

import org.jspecify.annotations.NullMarked;
