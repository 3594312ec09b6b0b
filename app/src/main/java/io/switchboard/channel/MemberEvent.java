package io.switchboard.channel;

/**
 * {@code member.joined} and {@code member.left} on a channel's topic.
 */
record MemberEvent(String type, long channelId, long seq, Member member) {

	static MemberEvent joined(long channelId, long seq, Member member) {
		return new MemberEvent("member.joined", channelId, seq, member);
	}

	static MemberEvent left(long channelId, long seq, Member member) {
		return new MemberEvent("member.left", channelId, seq, member);
	}

	record Member(long userId, String username, MemberRole role) {

	}

}
