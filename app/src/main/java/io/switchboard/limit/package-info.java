/**
 * Rate limits: token buckets per user and per client address, refusing what goes over
 * them with {@code rate_limited} and how long to wait, while the session stays open.
 */
@NullMarked
package io.switchboard.limit;

import org.jspecify.annotations.NullMarked;
