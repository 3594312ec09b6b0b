/**
 * What is live but never stored as a change: who is typing, and who is online.
 */
@NullMarked
package io.switchboard.presence;

import org.jspecify.annotations.NullMarked;
