/**
 * Everything a channel's topic carries (PROTOCOL.md section 3): one sealed hierarchy of
 * records, so that a change can publish only an event the protocol defines, and the
 * payloads they carry.
 */
@NamedInterface("events")
@NullMarked
package io.switchboard.channel.event;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
