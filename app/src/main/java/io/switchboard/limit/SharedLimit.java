package io.switchboard.limit;

import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * A limit every node shares, its buckets kept in the database: for limits against brute
 * force, which an attacker would otherwise multiply by spreading attempts over nodes.
 */
final class SharedLimit implements Limit {

	private final String name;

	private final ProxyManager<String> buckets;

	private final Supplier<BucketConfiguration> configuration;

	SharedLimit(String name, ProxyManager<String> buckets, BucketConfiguration configuration) {
		this.name = name;
		this.buckets = buckets;
		this.configuration = () -> configuration;
	}

	@Override
	public Decision take(String key) {
		return Decision.of(this.buckets.getProxy(id(key), this.configuration).tryConsumeAndReturnRemaining(1));
	}

	@Override
	public void giveBack(String key) {
		this.buckets.getProxy(id(key), this.configuration).addTokens(1);
	}

	private String id(String key) {
		return this.name + ":" + key;
	}

}
