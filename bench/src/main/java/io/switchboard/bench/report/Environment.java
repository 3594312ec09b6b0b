package io.switchboard.bench.report;

/**
 * Where the numbers were measured.
 *
 * @param serverJvm the server's JVM, as jcmd reports it, or why that is unknown
 * @param benchJvm this JVM
 * @param cores processors the machine offers this JVM
 * @param transport the client's socket transport
 */
public record Environment(String serverJvm, String benchJvm, int cores, String transport) {

	public static String thisJvm() {
		return System.getProperty("java.vm.name") + " " + Runtime.version();
	}

}
