package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.process.ProcessKeys;
import vn.party.evaluation.rules.CriterionGroup;
import vn.party.evaluation.rules.Level;

/**
 * A self-proposed level above the member's own assessment is refused with the level the grades and points give and
 * the conditions not met (the twelfth session's outsider, finding 7: all grades EXCELLENT, 95 points, the task ticks
 * unset, refused naming neither).
 */
class AboveOwnAssessmentShortfallTest {

  /** 02A under 366, every grade EXCELLENT, 95 points, the task conditions as given. */
  private static Map<String, Object> review(String proposed, Boolean onTime, Boolean remedied) {
    Map<String, Object> values = new HashMap<>();
    values.put("regulation", "QD-366-2025");
    values.put("leadershipPost", false);
    for (SelfReviewRules.Criterion criterion : SelfReviewRules.criteriaFor(false)) {
      values.put(criterion.gradeField(), "EXCELLENT");
      values.put(
          criterion.pointsField(), criterion.group() == CriterionGroup.TASK_RESULTS ? 70 : 5);
    }
    values.put("allTasksOnTime", onTime);
    values.put("shortcomingsRemedied", remedied);
    values.put("selfProposedLevel", proposed);
    return values;
  }

  private static FieldError refusal(Map<String, Object> values) {
    List<FieldError> errors =
        TaskCompletionRules.check(
            ProcessKeys.SELF_REVIEW, SelfCriticismFixture.withSections(values));
    assertThat(errors).extracting(FieldError::reason).containsExactly("above-own-assessment");
    return errors.get(0);
  }

  @Test
  void theRefusalNamesTheDerivedLevelAndTheTaskConditionsNotMet() {
    FieldError error = refusal(review("GOOD", null, null));

    assertThat(error.own().derived()).isEqualTo(Level.COMPLETED);
    assertThat(error.own().unmet()).containsExactly("allTasksOnTime");
    assertThat(error.message()).contains("COMPLETED", "not met: allTasksOnTime");
  }

  @Test
  void onlyTheConditionsTheProposalNeedsAreNamed() {
    FieldError error = refusal(review("EXCELLENT", null, null));

    assertThat(error.own().derived()).isEqualTo(Level.COMPLETED);
    assertThat(error.own().unmet())
        .containsExactly("allTasksOnTime", "exceedingTasksPercent", "shortcomingsRemedied");
  }

  @Test
  void withTheConditionsMetTheProposalIsAccepted() {
    assertThat(
            TaskCompletionRules.check(
                ProcessKeys.SELF_REVIEW,
                SelfCriticismFixture.withSections(review("GOOD", true, true))))
        .isEmpty();
  }
}
