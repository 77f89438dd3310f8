package vn.party.evaluation.selfreview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 15: a self-review task gets a section's minimum length as a variable only where the setting is not the rule's
 * own default (20, which the rule applies to a task without the variable): each variable costs rows at every launch.
 */
class RequiredSectionsTest {

  @Test
  void theDefaultMinimumsPutNoVariableOnTheTask() {
    assertThat(new RequiredSections(new MockEnvironment()).taskVariables()).isEmpty();
    assertThat(
            new RequiredSections(
                    new MockEnvironment()
                        .withProperty("evaluation.self-review.min-length.default", "20"))
                .taskVariables())
        .isEmpty();
  }

  @Test
  void aMinimumSetOtherwiseIsPutOnTheTask() {
    RequiredSections sections =
        new RequiredSections(
            new MockEnvironment()
                .withProperty("evaluation.self-review.min-length.strengths", "50")
                .withProperty("evaluation.self-review.min-length.limitations", "20"));
    assertThat(sections.taskVariables())
        .containsOnly(org.assertj.core.api.Assertions.entry("strengthsMinLength", 50));

    RequiredSections longer =
        new RequiredSections(
            new MockEnvironment().withProperty("evaluation.self-review.min-length.default", "30"));
    assertThat(longer.taskVariables())
        .containsOnlyKeys(
            "strengthsMinLength",
            "limitationsMinLength",
            "shortcomingsFixedMinLength",
            "remedialMeasuresMinLength")
        .containsValue(30);
  }
}
