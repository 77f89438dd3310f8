package vn.party.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import vn.party.evaluation.TestMessages;
import vn.party.evaluation.meeting.MeetingProblems;

/**
 * Twelfth session's outsider, MEDIUM 6 (the dates left): a branch meeting's date ({@code heldOn}, on the meeting
 * page) and a movement's date ({@code on}, API and page) in the wrong shape said "sai định dạng" without the format.
 * Each says the format, in Vietnamese and in English.
 */
class DateFormatWordsTest {

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void aMeetingsDateInTheWrongShapeSaysTheFormat() {
    MeetingProblems words = new MeetingProblems(TestMessages.messages());
    LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    assertThat(heldOn(words))
        .contains("sai định dạng: cần một ngày có thật dạng năm-tháng-ngày (yyyy-MM-dd)")
        .contains("dd/mm/yyyy");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(heldOn(words)).contains("expected a real date as year-month-day (yyyy-MM-dd)");
  }

  @Test
  void aMovementsDateInTheWrongShapeSaysTheFormat() {
    FieldProblem on = new FieldProblem("on", "invalid-format", null);
    assertThat(on.shown(TestMessages.messages(), "Ngày", Locale.forLanguageTag("vi")))
        .isEqualTo(
            "Trường Ngày sai định dạng: cần một ngày có thật dạng năm-tháng-ngày (yyyy-MM-dd), ví"
                + " dụ 2026-12-10; trên trang cũng có thể viết ngày/tháng/năm (dd/mm/yyyy), ví dụ"
                + " 10/12/2026.");
    assertThat(on.shown(TestMessages.messages(), "Date", Locale.ENGLISH))
        .contains("expected a real date as year-month-day (yyyy-MM-dd)");
  }

  private static String heldOn(MeetingProblems words) {
    return words
        .worded(List.of(new FieldProblem("heldOn", "invalid-format", null)), Map.of())
        .get(0)
        .message();
  }
}
