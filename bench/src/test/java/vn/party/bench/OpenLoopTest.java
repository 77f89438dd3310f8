package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

  @Test
  void operationsAreDueAtRegularIntervalsFromTheStart() {
    assertThat(OpenLoop.dueOffsetNanos(0, 200)).isZero();
    assertThat(OpenLoop.dueOffsetNanos(1, 200)).isEqualTo(5_000_000L);
    assertThat(OpenLoop.dueOffsetNanos(200, 200)).isEqualTo(1_000_000_000L);
    assertThat(OpenLoop.dueOffsetNanos(3, 1_000)).isEqualTo(3_000_000L);
    // no drift from rounding a period that is not a whole number of nanoseconds
    assertThat(OpenLoop.dueOffsetNanos(3_000, 3)).isEqualTo(1_000_000_000_000L);
    assertThatThrownBy(() -> OpenLoop.periodNanos(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sendsEachOperationWhenItIsDueAndRecordsTheDueTimesInWallClock() throws Exception {
    List<Long> sentAt = new ArrayList<>();
    long before = OpenLoop.epochNanos(Instant.now());
    OpenLoop.Sent sent = OpenLoop.run(5, 100, i -> sentAt.add(System.nanoTime()));
    long after = OpenLoop.epochNanos(Instant.now());

    assertThat(sent.dueEpochNanos()).hasSize(5);
    for (int i = 1; i < 5; i++) {
      assertThat(sent.dueEpochNanos()[i] - sent.dueEpochNanos()[i - 1]).isEqualTo(10_000_000L);
      // never early
      assertThat(sentAt.get(i) - sentAt.get(0)).isGreaterThanOrEqualTo(i * 10_000_000L);
    }
    assertThat(sent.dueEpochNanos()[0]).isBetween(before, after);
    assertThat(sent.maxLagNanos()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aSlowSenderCatchesUpAndItsLatenessIsReported() throws Exception {
    OpenLoop.Sent sent =
        OpenLoop.run(
            3,
            1_000,
            i -> {
              if (i == 0) {
                Thread.sleep(20);
              }
            });
    // operations 1 and 2 were due 1 and 2 ms after the start, sent after ~20 ms: still timed from
    // when due
    assertThat(sent.dueEpochNanos()[2] - sent.dueEpochNanos()[0]).isEqualTo(2_000_000L);
    assertThat(sent.maxLagNanos()).isGreaterThanOrEqualTo(15_000_000L);
  }
}
