package io.switchboard.bench.setup;

import java.util.Properties;

/**
 * How to reach a PostgreSQL database over JDBC.
 */
public record DatabaseAccess(String url, String username, String password) {

	public Properties properties() {
		Properties properties = new Properties();
		properties.setProperty("user", this.username);
		properties.setProperty("password", this.password);
		return properties;
	}

	@Override
	public String toString() {
		return this.url + " as " + this.username;
	}

}
