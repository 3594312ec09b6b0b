package io.switchboard.channel;

/**
 * A member's role in a channel, and whether a mute keeps them from posting there now.
 */
record MemberStanding(MemberRole role, boolean muted) {

}
