package io.switchboard.presence;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.switchboard.broker.Fanout;
import io.switchboard.channel.ChannelAccess;
import io.switchboard.system.Timestamps;
import io.switchboard.user.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Passes members' typing on to their channel: at most one event per user and channel
 * every {@link #MIN_INTERVAL}, whatever the clients send; nothing is stored.
 */
@Component
class TypingRelay {

	/** How long clients show an event: a client typing on sends again before it ends. */
	static final Duration SHOWN_FOR = Duration.ofSeconds(6);

	static final Duration MIN_INTERVAL = Duration.ofSeconds(2);

	/** Beyond this many remembered senders, those outside the interval are forgotten. */
	private static final int PRUNE_ABOVE = 10_000;

	private final Map<Key, Long> lastPassed = new ConcurrentHashMap<>();

	private final ChannelAccess access;

	private final Fanout fanout;

	TypingRelay(ChannelAccess access, Fanout fanout) {
		this.access = access;
		this.fanout = fanout;
	}

	/**
	 * @return whether the event was passed on, rather than dropped within the interval
	 */
	boolean relay(long channelId, CurrentUser user, boolean typing) {
		long now = System.nanoTime();
		long interval = MIN_INTERVAL.toNanos();
		boolean[] passed = { false };
		// The interval first: it costs nothing, where membership is a query.
		this.lastPassed.compute(new Key(user.id(), channelId), (key, last) -> {
			if (last != null && now - last < interval) {
				return last;
			}
			passed[0] = true;
			return now;
		});
		if (!passed[0]) {
			return false;
		}
		try {
			this.access.requireMember(channelId, user);
		}
		catch (RuntimeException refused) {
			// A refusal takes no turn: the next attempt is refused as well.
			this.lastPassed.remove(new Key(user.id(), channelId), now);
			throw refused;
		}
		this.fanout.publishEphemeral(channelId,
				new TypingEvent(channelId, user.id(), user.username(), typing, Timestamps.now().plus(SHOWN_FOR)));
		if (this.lastPassed.size() > PRUNE_ABOVE) {
			this.lastPassed.values().removeIf((last) -> now - last >= interval);
		}
		return true;
	}

	private record Key(long userId, long channelId) {

	}

}
