/**
 * Per-user notifications: stored first, then delivered to every open session of the user.
 */
@NullMarked
package io.switchboard.notification;

import org.jspecify.annotations.NullMarked;
