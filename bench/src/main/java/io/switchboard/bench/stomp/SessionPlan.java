package io.switchboard.bench.stomp;

import java.util.List;

/**
 * One session to open: whose token, who listens, and what it subscribes to.
 */
public record SessionPlan(String token, StompListener listener, List<String> destinations) {

}
