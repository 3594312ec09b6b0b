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
 * @param writerThreads threads that store changes, each holding one database connection
 * while it stores a batch: keep it below the connection pool's size
 * @param maxWaitingChanges changes that may wait for one channel; beyond that a sender is
 * told {@code unavailable} with {@code retryAfterMs}
 * @param maxBatch the most changes stored in one transaction
 */
@ConfigurationProperties("switchboard.channels")
record ChannelSettings(@DefaultValue("7d") Duration eventRetention, @DefaultValue("4") int writerThreads,
		@DefaultValue("10000") int maxWaitingChanges, @DefaultValue("500") int maxBatch) {

}
