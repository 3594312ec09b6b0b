package io.switchboard.bench.notify;

import java.util.List;

/**
 * The server's {@code 201} to a publication.
 *
 * @param stored notifications stored, one per known recipient
 * @param unknownRecipients recipients nothing was stored for
 */
record PublishAnswer(int stored, List<Long> unknownRecipients) {

}
