/**
 * Posting, storing and reading chat messages.
 */
@NullMarked
package io.switchboard.message;

import org.jspecify.annotations.NullMarked;
