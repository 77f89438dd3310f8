package vn.party.evaluation.process.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The English sentence of a refusal (logs, and the fallback where a reason has no text) says the limit the check
 * applied: a long self-review section's 20,000 characters, not 4000 for every field (twelfth session's outsider,
 * finding 5, left open in the fallback); a range its own bounds, not the months'.
 */
class FieldErrorMessageTest {

  @Test
  void theEnglishFallbackSaysTheLimitActuallyApplied() {
    assertThat(FieldError.bounded("strengths", FieldError.TOO_LONG, null, 20000L).message())
        .isEqualTo("strengths must be at most 20000 characters");
    assertThat(FieldError.bounded("remarks", FieldError.TOO_LONG, null, 4000L).message())
        .isEqualTo("remarks must be at most 4000 characters");
    assertThat(
            FieldError.bounded("exceedingTasksPercent", FieldError.OUT_OF_RANGE, 0L, 100L)
                .message())
        .isEqualTo("exceedingTasksPercent must be between 0 and 100");
    assertThat(FieldError.bounded("x", FieldError.OUT_OF_RANGE, 1L, null).message())
        .isEqualTo("x must be at least 1");
  }
}
