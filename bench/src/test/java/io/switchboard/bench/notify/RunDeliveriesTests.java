package io.switchboard.bench.notify;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts each session's first copy once, and every copy after it as repeated.
 */
class RunDeliveriesTests {

	@Test
	void isCompleteOnceEverySessionHasItsFirstCopy() throws InterruptedException {
		RunDeliveries deliveries = new RunDeliveries(3);
		deliveries.received(0, 100);
		deliveries.received(2, 300);
		assertThat(deliveries.awaitEveryone(Duration.ZERO)).isFalse();
		deliveries.received(1, 200);
		deliveries.received(2, 400);
		assertThat(deliveries.awaitEveryone(Duration.ZERO)).isTrue();
		assertThat(deliveries.reached()).isEqualTo(3);
		assertThat(deliveries.repeated()).isEqualTo(1);
		assertThat(deliveries.lastFirstArrival()).isEqualTo(300);
	}

	@Test
	void logsEventsOfNoRunAsUnexpected() {
		DeliveryLog log = new DeliveryLog(2);
		RunDeliveries run = log.expect("r1");
		log.received(0, "r1", 10);
		log.received(1, "r0", 20);
		log.received(1, null, 30);
		assertThat(run.reached()).isEqualTo(1);
		assertThat(log.unexpected()).isEqualTo(2);
	}

}
