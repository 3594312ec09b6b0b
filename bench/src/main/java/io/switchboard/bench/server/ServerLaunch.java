package io.switchboard.bench.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.switchboard.bench.setup.DatabaseAccess;

/**
 * How to start the server: which JVM, which jar, and the settings that tie it to the
 * bench (its port, its database, a token secret the bench knows).
 */
record ServerLaunch(String java, List<String> jvmArgs, Path jar, int port, DatabaseAccess database, String jwtSecret,
		Path log) {

	List<String> command() {
		List<String> command = new ArrayList<>();
		command.add(this.java);
		command.addAll(this.jvmArgs);
		command.add("-jar");
		command.add(this.jar.toAbsolutePath().toString());
		command.add("--server.port=" + this.port);
		command.add("--server.address=127.0.0.1");
		command.add("--spring.datasource.url=" + this.database.url());
		command.add("--spring.datasource.username=" + this.database.username());
		command.add("--spring.datasource.password=" + this.database.password());
		command.add("--switchboard.security.jwt-secret=" + this.jwtSecret);
		// The bench measures the server flat out, far beyond what one user may send.
		command.add("--switchboard.limits.enabled=false");
		return command;
	}

}
