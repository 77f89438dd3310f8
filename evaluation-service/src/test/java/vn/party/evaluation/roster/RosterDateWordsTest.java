package vn.party.evaluation.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.party.evaluation.TestMessages;
import vn.party.evaluation.process.validation.FieldError;

/**
 * Twelfth session's outsider, MEDIUM 6 (the dates left): a member's admission date in the wrong shape ("2024-02-30",
 * "19/05/2010" at the API) said "sai định dạng" without the format. It says the format now.
 */
class RosterDateWordsTest {

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void anAdmissionDateInTheWrongShapeSaysTheFormat() {
    RosterProblems words = new RosterProblems(TestMessages.messages());
    List<FieldError> refused = List.of(new FieldError("admittedOn", "invalid-format"));
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    assertThat(words.of(refused).get(0).message())
        .startsWith("Trường Ngày vào Đảng sai định dạng: cần một ngày có thật dạng năm-tháng-ngày")
        .contains("2010-05-19");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(words.of(refused).get(0).message())
        .contains("has the wrong format: expected a real date as year-month-day (yyyy-MM-dd)");
  }
}
