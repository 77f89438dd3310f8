package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void nearestRankPercentilesOfOneToOneHundred() {
    Latencies l = new Latencies();
    for (int i = 100; i >= 1; i--) {
      l.record(i * 1_000_000L); // 1 … 100 ms, recorded out of order
    }
    assertThat(l.count()).isEqualTo(100);
    assertThat(l.percentileMillis(50)).isEqualTo(50.0);
    assertThat(l.percentileMillis(95)).isEqualTo(95.0);
    assertThat(l.percentileMillis(99)).isEqualTo(99.0);
    assertThat(l.percentileMillis(100)).isEqualTo(100.0);
    assertThat(l.meanMillis()).isEqualTo(50.5);
  }

  @Test
  void smallSamplesTakeTheValueAtOrAboveTheRank() {
    Latencies l = new Latencies();
    l.record(10);
    l.record(20);
    l.record(30);
    assertThat(l.percentileNanos(50)).isEqualTo(20);
    assertThat(l.percentileNanos(99)).isEqualTo(30);
    assertThat(l.percentileNanos(1)).isEqualTo(10);
  }

  @Test
  void emptyIsNanAndBadPercentilesAreRefused() {
    assertThat(new Latencies().percentileMillis(50)).isNaN();
    assertThatThrownBy(() -> new Latencies().percentileNanos(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Latencies().percentileNanos(101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void growsPastItsInitialCapacityAndCountsFailuresApart() {
    Load.Measurement m =
        Load.run(
            5_000,
            4,
            i -> {
              if (i % 1000 == 0) {
                throw new IllegalStateException("boom " + i);
              }
            });
    assertThat(m.operations()).isEqualTo(5_000);
    assertThat(m.errors()).isEqualTo(5);
    assertThat(m.latencies().count()).isEqualTo(4_995);
    assertThat(m.firstError()).contains("boom");
    assertThat(m.perSecond()).isPositive();
  }
}
