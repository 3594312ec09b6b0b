package io.switchboard.bench.notify;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The median and the longest of the runs' times, whatever order the runs came in.
 */
class RunTimesTests {

	@Test
	void takesTheMiddleOfAnOddNumberOfRuns() {
		RunTimes times = RunTimes.of(List.of(900.0, 120.0, 300.0, 150.0, 200.0));
		assertThat(times.counted()).isEqualTo(5);
		assertThat(times.median()).isEqualTo(200.0);
		assertThat(times.max()).isEqualTo(900.0);
	}

	@Test
	void averagesTheTwoMiddleRunsOfAnEvenNumber() {
		RunTimes times = RunTimes.of(List.of(400.0, 100.0, 300.0, 200.0));
		assertThat(times.median()).isEqualTo(250.0);
		assertThat(times.max()).isEqualTo(400.0);
	}

	@Test
	void leavesOutRunsWithoutATime() {
		RunTimes times = RunTimes.of(List.of(100.0, Double.NaN, 300.0));
		assertThat(times.counted()).isEqualTo(2);
		assertThat(times.median()).isEqualTo(200.0);
		assertThat(times.max()).isEqualTo(300.0);
	}

	@Test
	void hasNoTimesWithoutRuns() {
		assertThat(RunTimes.of(List.of(Double.NaN)).median()).isNaN();
		assertThat(RunTimes.of(List.of()).max()).isNaN();
	}

}
