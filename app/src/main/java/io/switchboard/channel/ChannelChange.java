package io.switchboard.channel;

import java.util.function.Function;

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
	 * The workspace the change acts in: its sender's or actor's. The writer refuses a
	 * change to a channel of another workspace as if the channel did not exist, so no
	 * change crosses workspaces, whatever ids it names.
	 */
	long workspaceId();

	/**
	 * Checks, then writes. Whatever refuses the change (a
	 * {@link io.switchboard.system.RequestRefused}) is thrown before the first
	 * {@link ChangeBatch#next()}: the refusal then costs the other changes of the batch
	 * nothing. A change that already stored something may still answer without taking a
	 * {@code seq}, for example a retry of a message stored the first time.
	 */
	R apply(ChangeBatch batch);

	static <R> ChannelChange<R> of(long channelId, long workspaceId, Function<ChangeBatch, R> apply) {
		return new ChannelChange<>() {

			@Override
			public long channelId() {
				return channelId;
			}

			@Override
			public long workspaceId() {
				return workspaceId;
			}

			@Override
			public R apply(ChangeBatch batch) {
				return apply.apply(batch);
			}

		};
	}

}
