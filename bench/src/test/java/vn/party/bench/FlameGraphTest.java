package vn.party.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlameGraphTest {

  private final FlameGraph.Samples samples =
      new FlameGraph.Samples(
          Map.of(
              "java.lang.Thread.run;vn.party.evaluation.task.TaskWork.complete;org.camunda.feel.FeelEngine.evalExpression",
                  3L,
              "java.lang.Thread.run;vn.party.evaluation.task.TaskWork.complete;org.postgresql.core.v3.QueryExecutorImpl.execute",
                  1L),
          Map.of("http-nio-N-exec-N", 4L),
          4);

  @Test
  void whereTheTimeGoesByLayerAndByProjectMethod() {
    String table = FlameGraph.table(samples, "api");
    assertThat(table)
        .contains("4 CPU samples")
        .contains("| `Camunda engine` | 75.0 % |")
        .contains("| `PostgreSQL JDBC driver` | 25.0 % |")
        .contains("| `vn.party.evaluation.task.TaskWork.complete` | 100.0 % |")
        .contains("| `http-nio-N-exec-N` | 100.0 % |");
  }

  @Test
  void oneRectanglePerFrameWithItsShareAsTooltip() {
    String svg = FlameGraph.svg(samples, "api");
    assertThat(svg)
        .startsWith("<?xml")
        .endsWith("</svg>\n")
        .contains("<title>vn.party.evaluation.task.TaskWork.complete (4 samples, 100.00 %)</title>")
        .contains("<title>org.camunda.feel.FeelEngine.evalExpression (3 samples, 75.00 %)</title>");
  }

  @Test
  void threadPoolsAreOneRow() {
    assertThat(
            List.of("http-nio-8080-exec-12", "camundaTaskExecutor-3").stream()
                .map(FlameGraph::threadGroup))
        .containsExactly("http-nio-N-exec-N", "camundaTaskExecutor-N");
  }

  @Test
  void statementsPerOperation() {
    List<SqlStatements.Statement> statements =
        List.of(
            new SqlStatements.Statement(20, 4.0, 10, "select 1"),
            new SqlStatements.Statement(10, 2.0, 0, "update  x\n set y = $1"));
    assertThat(SqlStatements.perOperation(statements, 10)).isEqualTo(3.0);
    assertThat(SqlStatements.describe("api", statements, 10))
        .contains("total 3 statements")
        .contains("1\t0.2\t0\tupdate x set y = $1");
    assertThat(SqlStatements.perOperation(List.of(), 10)).isNaN();
  }
}
