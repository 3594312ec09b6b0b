package io.switchboard.channel.event;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event on a channel's topic. Each took the channel's next {@code seq} when its change
 * was stored; its wire {@code type}, e.g. {@code message.created}, is the record's
 * {@link com.fasterxml.jackson.annotation.JsonTypeName}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface ChannelEvent permits MessageCreated, MessageEdited, MessageDeleted, ReactionChanged,
		ReadUpdated, MemberJoined, MemberLeft, MemberUpdated, ChannelClosed {

	long channelId();

	long seq();

}
