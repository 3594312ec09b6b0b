package io.switchboard.channel.event;

import io.switchboard.channel.MemberRole;

/**
 * A member as member events show them.
 */
public record MemberView(long userId, String username, MemberRole role) {

}
