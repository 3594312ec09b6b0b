package io.switchboard.notification;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a publication stored: one notification per known recipient.
 *
 * @param stored how many notifications were stored, one per known recipient
 * @param unknownRecipients the recipients that are no enabled account of the workspace,
 * in the order given; nothing was stored for them
 * @param replayed whether this is the answer to an earlier request with the same
 * idempotency key, which this one stored nothing for
 */
public record PublicationResult(int stored, List<Long> unknownRecipients, @JsonIgnore boolean replayed) {

}
