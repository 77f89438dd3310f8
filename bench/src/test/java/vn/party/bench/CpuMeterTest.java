package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuMeterTest {

  @Test
  void readsUtimeStimeAndReapedChildrenAfterACommandNameWithSpaces() {
    String stat =
        "4242 (postgres: evaluation party_evaluation 127.0.0.1(5) idle) S 4200 4200 4200 0 -1 4194560"
            + " 1234 0 0 0 150 30 7 3 20 0 1 0 12345 123456789 1234 18446744073709551615";
    assertThat(CpuMeter.ticksOf(stat, false)).isEqualTo(180);
    assertThat(CpuMeter.ticksOf(stat, true)).isEqualTo(190);
  }

  @Test
  void thisProcessUsesSomeCpuWhereProcExists() {
    CpuMeter.of("self", ProcessHandle.current().pid(), null)
        .ifPresent(meter -> assertThat(meter.cpuNanos()).isPositive());
  }

  @Test
  void namedMetersTellEachProcessShare() {
    java.util.Map<String, Long> named = new java.util.LinkedHashMap<>();
    named.put("self", ProcessHandle.current().pid());
    named.put("absent", null);
    CpuMeter.named(named)
        .ifPresent(
            meter -> {
              assertThat(meter.description()).isEqualTo("self");
              long[] start = meter.cpuNanosByRoot();
              assertThat(start).hasSize(1);
              long spin = System.nanoTime() + 50_000_000L;
              double x = 0;
              while (System.nanoTime() < spin) {
                x += Math.sqrt(x + 1);
              }
              assertThat(x).isPositive();
              String shares = meter.shares(start);
              // nothing measurable within a clock tick gives no shares; otherwise all of it is ours
              assertThat(shares).isIn("", "self 100 %");
            });
  }
}
