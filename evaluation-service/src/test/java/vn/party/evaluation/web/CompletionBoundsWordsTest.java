package vn.party.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.TestMessages;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.process.validation.TaskCompletionRules;

/**
 * A number out of range or a text too long, refused by the completion rules' field table, says the range or the
 * maximum, as bean validation's refusals do (the twelfth session's outsider, finding 5: "… nằm ngoài khoảng cho
 * phép.", "… quá dài." without either). Every door words the rules' refusals here.
 */
class CompletionBoundsWordsTest {

  private final FieldErrorProblems problems = new FieldErrorProblems(TestMessages.messages());

  private String message(String taskKey, Map<String, Object> values, String field, Locale locale) {
    List<FieldError> errors = TaskCompletionRules.check(taskKey, values);
    FieldError error =
        errors.stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow();
    return problems.of(error, locale).message();
  }

  @Test
  void aPercentOutOfRangeSaysTheRange() {
    Map<String, Object> values = new HashMap<>();
    values.put("regulation", "QD-366-2025");
    values.put("exceedingTasksPercent", 150);
    assertThat(
            message(
                ProcessKeys.SELF_REVIEW,
                values,
                "exceedingTasksPercent",
                Locale.forLanguageTag("vi")))
        .isEqualTo("Trường Tỷ lệ % nhiệm vụ hoàn thành vượt mức yêu cầu phải từ 0 đến 100.");
    assertThat(message(ProcessKeys.SELF_REVIEW, values, "exceedingTasksPercent", Locale.ENGLISH))
        .contains("between 0 and 100");
  }

  @Test
  void sickLeaveMonthsOutOfRangeSayTheRange() {
    Map<String, Object> values = new HashMap<>();
    values.put("sickLeaveMonths", 13);
    assertThat(
            message(
                ProcessKeys.BRANCH_REVIEW, values, "sickLeaveMonths", Locale.forLanguageTag("vi")))
        .endsWith("phải từ 0 đến 12.");
    assertThat(message(ProcessKeys.BRANCH_REVIEW, values, "sickLeaveMonths", Locale.ENGLISH))
        .contains("between 0 and 12");
  }

  @Test
  void aTextTooLongSaysTheMaximum() {
    Map<String, Object> values = new HashMap<>();
    values.put("regulation", "QD-366-2025");
    values.put("limitations", "x".repeat(TaskCompletionRules.MAX_TEXT_LENGTH + 1));
    assertThat(message(ProcessKeys.SELF_REVIEW, values, "limitations", Locale.forLanguageTag("vi")))
        .endsWith("quá dài: tối đa " + TaskCompletionRules.MAX_TEXT_LENGTH + " ký tự.");
    assertThat(message(ProcessKeys.SELF_REVIEW, values, "limitations", Locale.ENGLISH))
        .contains("" + TaskCompletionRules.MAX_TEXT_LENGTH);
  }
}
