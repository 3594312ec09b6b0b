/**
 * Admins' announcements to their whole workspace: stored once, then published on
 * {@code /topic/announcements}, and listed for clients that missed them.
 */
@NullMarked
package io.switchboard.announcement;

import org.jspecify.annotations.NullMarked;
