package io.switchboard.bench.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.switchboard.bench.setup.DatabaseAccess;
import org.jspecify.annotations.Nullable;

/**
 * Which server to measure.
 *
 * @param url a running server's base URL, or null to start one
 * @param jar the server's executable jar, when the bench starts it
 * @param java the JVM that runs a started server
 * @param jvmArgs extra flags for that JVM
 * @param pid a running server's process id, for heap readings
 * @param jwtSecret a running server's token secret
 * @param database a running server's database
 * @param postgres where a started server's database is created
 * @param logDir where a started server's output goes
 * @param startTimeout how long a started server may take to be ready
 */
public record ServerOptions(@Nullable URI url, Path jar, String java, List<String> jvmArgs, @Nullable Long pid,
		@Nullable String jwtSecret, @Nullable DatabaseAccess database, DatabaseAccess postgres, Path logDir,
		Duration startTimeout) {

}
