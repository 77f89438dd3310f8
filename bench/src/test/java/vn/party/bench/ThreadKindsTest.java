package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadKindsTest {

  @Test
  void threadsAreToldApartByTheirNamesAsProcGivesThem() {
    assertThat(ThreadKinds.kindOf("http-nio-8080-e")).isEqualTo(ThreadKinds.Kind.REQUESTS);
    assertThat(ThreadKinds.kindOf("http-nio-127.0.")).isEqualTo(ThreadKinds.Kind.REQUESTS);
    assertThat(ThreadKinds.kindOf("C2 CompilerThre")).isEqualTo(ThreadKinds.Kind.JIT);
    assertThat(ThreadKinds.kindOf("C1 CompilerThre")).isEqualTo(ThreadKinds.Kind.JIT);
    assertThat(ThreadKinds.kindOf("GC Thread#0")).isEqualTo(ThreadKinds.Kind.GC);
    assertThat(ThreadKinds.kindOf("G1 Conc#0")).isEqualTo(ThreadKinds.Kind.GC);
    assertThat(ThreadKinds.kindOf("G1 Refine#0")).isEqualTo(ThreadKinds.Kind.GC);
    assertThat(ThreadKinds.kindOf("VM Thread")).isEqualTo(ThreadKinds.Kind.OTHER);
    assertThat(ThreadKinds.kindOf("kafka-producer-")).isEqualTo(ThreadKinds.Kind.OTHER);
  }

  @Test
  void perOperationIsTheDifferenceInMillisecondsPerOperation() {
    Map<ThreadKinds.Kind, Long> start =
        Map.of(ThreadKinds.Kind.REQUESTS, 100L, ThreadKinds.Kind.GC, 10L);
    Map<ThreadKinds.Kind, Long> end =
        Map.of(
            ThreadKinds.Kind.REQUESTS, 300L, ThreadKinds.Kind.GC, 30L, ThreadKinds.Kind.JIT, 10L);
    // 10 ms per tick, 100 operations: 200 ticks = 2,000 ms = 20 ms/op
    assertThat(ThreadKinds.perOperation(start, end, 10_000_000L, 100))
        .isEqualTo("request threads 20, GC 2, JIT compilers 1, other threads 0 cpu-ms/op");
  }

  @Test
  void thisJvmHasThreadsWhereProcExists() {
    Map<ThreadKinds.Kind, Long> ticks = ThreadKinds.ticks(ProcessHandle.current().pid());
    if (!ticks.isEmpty()) {
      assertThat(ticks).containsKey(ThreadKinds.Kind.OTHER);
    }
  }
}
