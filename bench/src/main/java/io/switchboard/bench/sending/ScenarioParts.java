package io.switchboard.bench.sending;

import java.io.PrintStream;
import java.util.Optional;

import io.switchboard.bench.setup.BenchUsers;
import io.switchboard.bench.setup.ChannelApi;
import io.switchboard.bench.setup.TokenMinter;
import io.switchboard.bench.stomp.SessionOpener;
import io.switchboard.bench.stomp.StompClient;

/**
 * What a sending scenario works with: the client and its session opener, the server's
 * REST calls, the run's users and their tokens, the server's process and where progress
 * goes.
 *
 * @param serverPid the server's process, for its CPU use, if the bench knows it
 */
public record ScenarioParts(StompClient client, SessionOpener opener, ChannelApi channels, BenchUsers users,
		TokenMinter tokens, Optional<Long> serverPid, PrintStream progress) {

}
