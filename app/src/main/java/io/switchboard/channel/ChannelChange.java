package io.switchboard.channel;

import java.util.function.Function;

import io.switchboard.user.CurrentUser;

/**
 * A change to one channel that takes the channel's next {@code seq}: a message posted, a
 * reaction, a member leaving. {@link ChannelWriter#record} stores it together with the
 * other changes waiting for the same channel, in one transaction under the channel's
 * lock, and publishes its event after that commits.
 *
 * @param <R> what the change answers its sender with once it is stored; never
 * {@code null}
 */
public interface ChannelChange<R> {

	long channelId();

	/**
	 * Who makes the change: its sender. The writer refuses a change to a channel of
	 * another workspace, or to one the actor may not know of, as if the channel did not
	 * exist, so no change crosses workspaces or tells of a private channel, whatever ids
	 * it names.
	 */
	CurrentUser actor();

	/**
	 * The workspace the change acts in: its actor's.
	 */
	default long workspaceId() {
		return actor().workspaceId();
	}

	/**
	 * Checks, then writes. Whatever refuses the change (a
	 * {@link io.switchboard.system.RequestRefused}) is thrown before the first
	 * {@link ChangeBatch#next()}: the refusal then costs the other changes of the batch
	 * nothing. A change that already stored something may still answer without taking a
	 * {@code seq}, for example a retry of a message stored the first time.
	 */
	R apply(ChangeBatch batch);

	static <R> ChannelChange<R> of(long channelId, CurrentUser actor, Function<ChangeBatch, R> apply) {
		return new ChannelChange<>() {

			@Override
			public long channelId() {
				return channelId;
			}

			@Override
			public CurrentUser actor() {
				return actor;
			}

			@Override
			public R apply(ChangeBatch batch) {
				return apply.apply(batch);
			}

		};
	}

}
