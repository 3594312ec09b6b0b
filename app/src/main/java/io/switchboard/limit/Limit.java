package io.switchboard.limit;

/**
 * One rate limit, with a bucket per key (a user, an address, a username).
 */
interface Limit {

	/**
	 * Takes one token from the key's bucket, if it has one.
	 */
	Decision take(String key);

	/**
	 * Gives one token back, for an attempt that turned out not to count.
	 */
	void giveBack(String key);

}
