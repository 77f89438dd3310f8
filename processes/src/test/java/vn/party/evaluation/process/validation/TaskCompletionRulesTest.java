package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskCompletionRulesTest {

  private static final String LONGEST = "x".repeat(TaskCompletionRules.MAX_TEXT_LENGTH);
  private static final String TOO_LONG = LONGEST + "x";

  /** task, variables (name, value, name, value …), expected errors ("field: reason"). */
  static Stream<Arguments> table() {
    return Stream.of(
        row("self-review", vars("selfProposedLevel", "GOOD")),
        row("self-review",
            vars("selfProposedLevel", "EXCELLENT", "strengths", LONGEST,
                "limitations", "dòng 1\r\ndòng 2\tcột", "remedialMeasures", "")),
        row("self-review", vars(), "selfProposedLevel: required"),
        row("self-review", vars("selfProposedLevel", "  "), "selfProposedLevel: required"),
        row("self-review", vars("selfProposedLevel", "SUPER"), "selfProposedLevel: invalid-level"),
        row("self-review", vars("selfProposedLevel", "good"), "selfProposedLevel: invalid-level"),
        row("self-review", vars("selfProposedLevel", 3), "selfProposedLevel: invalid-level"),
        row("self-review", vars("selfProposedLevel", "GOOD", "strengths", TOO_LONG),
            "strengths: too-long"),
        row("self-review", vars("selfProposedLevel", "GOOD", "limitations", "a\u0007b"),
            "limitations: control-characters"),
        row("self-review", vars("selfProposedLevel", "GOOD", "remedialMeasures", "a\u0085b"),
            "remedialMeasures: control-characters"),
        row("self-review", vars("selfProposedLevel", "GOOD", "strengths", 42), "strengths: not-text"),
        row("self-review", vars("strengths", TOO_LONG),
            "selfProposedLevel: required", "strengths: too-long"),
        row("branch-review", vars("branchProposedLevel", "NOT_COMPLETED", "branchComment", null)),
        row("branch-review", vars("branchComment", "Tốt"), "branchProposedLevel: required"),
        row("branch-review", vars("branchProposedLevel", "BEST"), "branchProposedLevel: invalid-level"),
        row("committee-decision", vars("decision", "APPROVE", "decidedLevel", "COMPLETED")),
        row("committee-decision", vars("decision", "RETURN", "decisionComment", "Thiếu biên bản")),
        row("committee-decision", vars(), "decision: required"),
        row("committee-decision", vars("decision", "MAYBE"), "decision: invalid-decision"),
        row("committee-decision", vars("decision", "APPROVE"), "decidedLevel: required"),
        row("committee-decision", vars("decision", "APPROVE", "decidedLevel", "TOP"),
            "decidedLevel: invalid-level"),
        row("committee-decision", vars("decision", "RETURN"), "decisionComment: required"),
        row("committee-decision", vars("decision", "RETURN", "decisionComment", " "),
            "decisionComment: required"),
        row("committee-decision", vars("decision", "RETURN", "decisionComment", TOO_LONG),
            "decisionComment: too-long"));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {2}")
  @MethodSource("table")
  void checksTheCompletionVariables(String task, Map<String, Object> variables, List<String> errors) {
    assertThat(TaskCompletionRules.check(task, variables))
        .extracting(FieldError::toString)
        .containsExactlyElementsOf(errors);
  }

  @Test
  void knowsTheFieldsOfEachTask() {
    assertThat(TaskCompletionRules.fields("self-review"))
        .containsExactly("selfProposedLevel", "strengths", "limitations", "remedialMeasures");
    assertThat(TaskCompletionRules.fields("branch-review"))
        .containsExactly("branchProposedLevel", "branchComment");
    assertThat(TaskCompletionRules.fields("committee-decision"))
        .containsExactly("decision", "decidedLevel", "decisionComment");
  }

  @Test
  void refusesToGuessForAnUnknownTask() {
    assertThat(TaskCompletionRules.covers("record-decision")).isFalse();
    assertThatThrownBy(() -> TaskCompletionRules.check("record-decision", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record-decision");
  }

  @Test
  void explainsEachErrorInWords() {
    assertThat(new FieldError("decidedLevel", FieldError.REQUIRED).message())
        .isEqualTo("decidedLevel is required");
    assertThat(new FieldError("decision", FieldError.INVALID_DECISION).message())
        .isEqualTo("decision must be one of APPROVE, RETURN");
    assertThat(new FieldError("strengths", FieldError.TOO_LONG).message())
        .isEqualTo("strengths must be at most 4000 characters");
  }

  private static Arguments row(String task, Map<String, Object> variables, String... errors) {
    return Arguments.of(task, variables, List.of(errors));
  }

  private static Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }
}
