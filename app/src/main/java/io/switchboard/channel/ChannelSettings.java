package io.switchboard.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for channels, under {@code switchboard.channels}.
 *
 * @param eventRetention how long the event log keeps a channel event; a node that falls
 * further behind than this delivers on past the gap, and clients recover with
 * {@code sinceSeq}
 */
@ConfigurationProperties("switchboard.channels")
record ChannelSettings(@DefaultValue("7d") Duration eventRetention) {

}
