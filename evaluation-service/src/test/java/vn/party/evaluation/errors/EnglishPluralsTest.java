package vn.party.evaluation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.party.evaluation.TestMessages;

/** English counts agree with their number: "1 error", "2 errors" (Vietnamese has no plural forms). */
class EnglishPluralsTest {

  private final ResourceBundleMessageSource messages = TestMessages.messages();

  @Test
  void theFormsErrorSummaryCountsOneErrorAndTwoErrors() {
    assertThat(text("ui.form.errors-summary", 1)).startsWith("The form has 1 error.");
    assertThat(text("ui.form.errors-summary", 2)).startsWith("The form has 2 errors.");
  }

  @Test
  void theRosterImportCountsOneRowAndOneNewMemberThenTwo() {
    assertThat(text("ui.import.counts", 1, 1, 0, 0))
        .isEqualTo("1 row: 1 new member, 0 updated, 0 unchanged.");
    assertThat(text("ui.import.counts", 2, 2, 1, 3))
        .isEqualTo("2 rows: 2 new members, 1 updated, 3 unchanged.");
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, Locale.ENGLISH);
  }
}
