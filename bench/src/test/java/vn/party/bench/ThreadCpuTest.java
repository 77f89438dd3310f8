package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void threadsAreToldApartByTheirNamesAsProcGivesThem() {
    assertThat(ThreadCpu.kindOf("http-nio-8080-e")).isEqualTo(ThreadCpu.Kind.REQUESTS);
    assertThat(ThreadCpu.kindOf("http-nio-127.0.")).isEqualTo(ThreadCpu.Kind.REQUESTS);
    assertThat(ThreadCpu.kindOf("C2 CompilerThre")).isEqualTo(ThreadCpu.Kind.JIT);
    assertThat(ThreadCpu.kindOf("C1 CompilerThre")).isEqualTo(ThreadCpu.Kind.JIT);
    assertThat(ThreadCpu.kindOf("GC Thread#0")).isEqualTo(ThreadCpu.Kind.GC);
    assertThat(ThreadCpu.kindOf("G1 Conc#0")).isEqualTo(ThreadCpu.Kind.GC);
    assertThat(ThreadCpu.kindOf("G1 Refine#0")).isEqualTo(ThreadCpu.Kind.GC);
    assertThat(ThreadCpu.kindOf("VM Thread")).isEqualTo(ThreadCpu.Kind.OTHER);
    assertThat(ThreadCpu.kindOf("kafka-producer-")).isEqualTo(ThreadCpu.Kind.OTHER);
  }

  @Test
  void perOperationIsTheDifferenceInMillisecondsPerOperation() {
    Map<ThreadCpu.Kind, Long> start = Map.of(ThreadCpu.Kind.REQUESTS, 100L, ThreadCpu.Kind.GC, 10L);
    Map<ThreadCpu.Kind, Long> end =
        Map.of(ThreadCpu.Kind.REQUESTS, 300L, ThreadCpu.Kind.GC, 30L, ThreadCpu.Kind.JIT, 10L);
    // 10 ms per tick, 100 operations: 200 ticks = 2,000 ms = 20 ms/op
    assertThat(ThreadCpu.perOperation(start, end, 10_000_000L, 100))
        .isEqualTo("request threads 20, GC 2, JIT compilers 1, other threads 0 cpu-ms/op");
  }

  @Test
  void thisJvmHasThreadsWhereProcExists() {
    Map<ThreadCpu.Kind, Long> ticks = ThreadCpu.ticks(ProcessHandle.current().pid());
    if (!ticks.isEmpty()) {
      assertThat(ticks).containsKey(ThreadCpu.Kind.OTHER);
    }
  }
}
