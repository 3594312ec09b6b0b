package io.switchboard.bench.notify;

/**
 * The notification scenario: one publication at a time, repeated.
 *
 * @param recipients users each publication names, every one a bench member
 * @param connected of those, how many have a session subscribed to their notifications
 * @param runs publications, one after another, each with its own marker
 */
public record NotifySettings(int recipients, int connected, int runs) {

	/**
	 * The most recipients the server takes in one publication.
	 */
	public static final int MAX_RECIPIENTS = 10_000;

	public NotifySettings {
		if (recipients < 1 || recipients > MAX_RECIPIENTS) {
			throw new IllegalArgumentException(
					"notification recipients must be 1 to " + String.format("%,d", MAX_RECIPIENTS)
							+ ", the most the server takes in one publication, not " + recipients);
		}
		if (connected < 1 || connected > recipients) {
			throw new IllegalArgumentException("connected notification recipients must be 1 to the "
					+ String.format("%,d", recipients) + " recipients, not " + connected);
		}
		if (runs < 1) {
			throw new IllegalArgumentException("notification runs must be at least 1, not " + runs);
		}
	}

	/**
	 * The recipient, by its place in the publication's list, whom connected session
	 * {@code session} belongs to. The connected recipients are spread evenly through the
	 * list, as real ones would be: the server delivers in the order of the list, so
	 * putting them all first would make the last delivery look earlier than it is.
	 */
	public int connectedRecipient(int session) {
		return (int) ((long) session * this.recipients / this.connected);
	}

	public String label() {
		return String.format("%,d, %,d", this.recipients, this.connected);
	}

}
