/**
 * Notifications: a publisher posts one notification to many users at once, some of them
 * connected; time to store it, and time until the last connected session has it.
 */
@NullMarked
package io.switchboard.bench.notify;

import org.jspecify.annotations.NullMarked;
