/**
 * Cross-cutting configuration: error model, error handlers and startup safety checks.
 */
@NullMarked
package io.switchboard.system;

import org.jspecify.annotations.NullMarked;
