package io.switchboard.message;

import io.switchboard.channel.event.MessageView;
import java.util.List;

import io.switchboard.channel.ChannelType;

/**
 * A message was stored; published inside the storing transaction, so listeners that store
 * something of their own commit or roll back with it.
 *
 * @param message the message as clients see it
 * @param channelType the kind of channel it was posted in
 * @param recipients in a conversation, its members other than the sender whose
 * notification level lets the message notify them; empty in other channels
 * @param mentioned in other channels, the members it mentions whose notification level
 * lets it notify them
 */
public record MessagePosted(MessageView message, ChannelType channelType, List<Long> recipients, List<Long> mentioned) {

}
