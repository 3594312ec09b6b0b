/**
 * Authentication by JWT bearer tokens over HTTP and STOMP, and authorization of every
 * STOMP frame.
 */
@NullMarked
package io.switchboard.security;

import org.jspecify.annotations.NullMarked;
