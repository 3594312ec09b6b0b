package io.switchboard.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The notification scenario's options: part of the default run, and checked against the
 * server's limit.
 */
class BenchOptionsTests {

	@Test
	void runsNotificationsByDefault() {
		BenchOptions options = BenchOptions.parse(new String[0]);
		assertThat(options.scenarios()).containsExactlyInAnyOrder("fanout", "write", "heap", "notify");
		assertThat(options.notifications().recipients()).isEqualTo(10_000);
		assertThat(options.notifications().connected()).isEqualTo(1000);
		assertThat(options.notifications().runs()).isEqualTo(5);
		assertThat(options.notifies()).isTrue();
	}

	@Test
	void needsAMemberPerRecipient() {
		BenchOptions options = BenchOptions.parse(new String[] { "--scenarios", "notify", "--notify-recipients", "2000",
				"--notify-connected=200", "--notify-runs", "3" });
		assertThat(options.members()).isEqualTo(2000);
		assertThat(options.notifications().connected()).isEqualTo(200);
		assertThat(options.notifications().runs()).isEqualTo(3);
	}

	@Test
	void needsNoNotifierWithoutNotifications() {
		BenchOptions options = BenchOptions.parse(new String[] { "--scenarios", "fanout", "--subscribers", "100" });
		assertThat(options.notifies()).isFalse();
		assertThat(options.members()).isEqualTo(100);
	}

	@Test
	void refusesMoreRecipientsThanTheServerTakes() {
		assertThatExceptionOfType(UsageError.class)
			.isThrownBy(() -> BenchOptions.parse(new String[] { "--notify-recipients", "10001" }))
			.withMessageContaining("10,000");
	}

	@Test
	void refusesMoreConnectedThanRecipients() {
		assertThatExceptionOfType(UsageError.class).isThrownBy(
				() -> BenchOptions.parse(new String[] { "--notify-recipients", "100", "--notify-connected", "101" }));
	}

}
