package io.switchboard.bench.notify;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Spreads the connected recipients through the publication's list, and refuses what the
 * server would refuse.
 */
class NotifySettingsTests {

	@Test
	void spreadsConnectedRecipientsEvenlyThroughTheList() {
		NotifySettings settings = new NotifySettings(10_000, 1000, 5);
		assertThat(settings.connectedRecipient(0)).isZero();
		assertThat(settings.connectedRecipient(1)).isEqualTo(10);
		assertThat(settings.connectedRecipient(999)).isEqualTo(9990);
	}

	@Test
	void givesEverySessionItsOwnRecipient() {
		NotifySettings settings = new NotifySettings(1000, 999, 1);
		assertThat(IntStream.range(0, 999).map(settings::connectedRecipient).distinct().count()).isEqualTo(999);
		assertThat(settings.connectedRecipient(998)).isLessThan(1000);
	}

	@Test
	void connectsEveryRecipientWhenAsked() {
		NotifySettings settings = new NotifySettings(50, 50, 1);
		assertThat(IntStream.range(0, 50).map(settings::connectedRecipient).toArray())
			.isEqualTo(IntStream.range(0, 50).toArray());
	}

	@Test
	void refusesMoreRecipientsThanOnePublicationTakes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NotifySettings(10_001, 1000, 5))
			.withMessageContaining("10,000");
	}

	@Test
	void refusesMoreConnectedThanRecipients() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NotifySettings(100, 101, 5));
	}

}
