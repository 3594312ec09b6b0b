package io.switchboard.system;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs what tells the world about a change only once the change is stored: publishing it,
 * or deleting the files it no longer needs. Nothing runs if the transaction rolls back.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs the action after the current transaction commits; must be called inside one.
	 */
	public static void run(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				action.run();
			}

		});
	}

}
