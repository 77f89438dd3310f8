package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTest {

  private final Results results =
      new Results(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), 2, 1.5);

  @Test
  void ratiosAndTargetsAgainstTheBaseline() {
    Figure baseline = results.add(Figure.of("baseline.full.start.1t", 200, "instances/s", null));
    Figure launch =
        results.add(
            Figure.of("launch.1000.rate", 150, "members/s", "poll 200 ms")
                .against(baseline)
                .targetRatioAtLeast(0.8));
    assertThat(launch.comparedTo()).isEqualTo("baseline.full.start.1t");
    assertThat(launch.ratio()).isEqualTo(0.75);
    assertThat(launch.met()).isFalse();
    assertThat(
            Figure.of("x", 1, "u", null)
                .against(results.get("missing"))
                .targetRatioAtLeast(0.5)
                .met())
        .isNull();
    assertThat(Figure.of("p95", 80, "ms", null).targetValueAtMost(100).met()).isTrue();
    assertThat(
            Figure.of("heap", 130, "MB", null)
                .against(Figure.of("h", 100, "MB", null))
                .targetRatioAtMost(1.2)
                .met())
        .isFalse();
  }

  @Test
  void csvHasOneRowPerFigureWithTheMachineAndEscapesCells(@TempDir Path dir) throws Exception {
    results.add(
        Figure.of("baseline.full.start.1t", 212.3456, "instances/s", "2000 starts, 1 thread"));
    results.add(Figure.of("api.errors", 0, "requests", "first: \"x\", y"));
    Path file = results.writeCsv(dir);
    assertThat(file.getFileName().toString()).isEqualTo("bench-2026-01-02-030405.csv");
    var lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo(Results.CSV_HEADER);
    assertThat(lines.get(1))
        .isEqualTo(
            "2026-01-02T03:04:05Z,2,1.5,baseline.full.start.1t,212.346,instances/s,,,,,\"2000 starts, 1 thread\"");
    assertThat(lines.get(2)).endsWith(",\"first: \"\"x\"\", y\"");
  }

  @Test
  void markdownIsTheReadmeTableWithTheMachineAndTheCommand(@TempDir Path dir) throws Exception {
    results.add(Figure.of("baseline.full.start.1t", 200, "instances/s", null));
    results.add(
        Figure.of("launch.1000.rate", 100, "members/s", null)
            .against(results.get("baseline.full.start.1t"))
            .targetRatioAtLeast(0.8));
    results.add(Figure.of("odd|name", 1, "x", null));
    Path file = results.writeMarkdown(dir, "./bench.sh --members 1000");
    assertThat(file.getFileName().toString()).isEqualTo("bench-2026-01-02-030405.md");
    var lines = Files.readAllLines(file);
    assertThat(lines.get(0))
        .isEqualTo(
            "**2026-01-02, 2 cores, load average 1.5 at the start, `./bench.sh --members 1000`**");
    assertThat(lines.get(2)).isEqualTo("| figure | value | unit | ratio | to | target | met |");
    assertThat(lines.get(5))
        .startsWith("| launch.1000.rate | 100 | members/s | 0.50 | baseline.full.start.1t |")
        .endsWith("| **missed** |");
    assertThat(lines.get(6)).startsWith("| odd\\|name |");
  }

  @Test
  void tableLinesUpItsColumns() {
    results.add(Figure.of("baseline.full.complete.1t", 300, "completions/s", null));
    results.add(
        Figure.of("api.complete.20t", 120, "completions/s", null)
            .against(results.get("baseline.full.complete.1t"))
            .targetRatioAtLeast(0.5));
    String[] lines = results.table().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).startsWith("figure").contains("ratio").contains("met");
    assertThat(lines[3]).contains("api.complete.20t").contains("0.40").contains("NO");
    assertThat(lines[2].length()).isEqualTo(lines[3].length());
  }

  @Test
  void numbersAreShort() {
    assertThat(Results.number(1234.5678)).isEqualTo("1234.6");
    assertThat(Results.number(12.345)).isEqualTo("12.35");
    assertThat(Results.number(0.12345)).isEqualTo("0.123");
    assertThat(Results.number(100)).isEqualTo("100");
    assertThat(Results.number(Double.NaN)).isEqualTo("NaN");
    assertThat(Results.precise(1234.56789)).isEqualTo("1234.57");
    assertThat(Results.precise(100)).isEqualTo("100");
    assertThat(Results.precise(0.000123456789)).isEqualTo("0.000123457");
  }
}
