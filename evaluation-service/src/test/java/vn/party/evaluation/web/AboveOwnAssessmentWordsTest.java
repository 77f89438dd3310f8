package vn.party.evaluation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.TestMessages;
import vn.party.evaluation.process.validation.FieldError;
import vn.party.evaluation.rules.Level;

/**
 * The refusal of a self-proposed level above the member's own assessment names the level worked out and the
 * conditions not met by their labels, in Vietnamese and in English: the one sentence every door (the API, the pages,
 * engine REST) takes from here (the twelfth session's outsider, finding 7).
 */
class AboveOwnAssessmentWordsTest {

  private final FieldErrorProblems problems = new FieldErrorProblems(TestMessages.messages());

  private final FieldError refusal =
      FieldError.aboveOwnAssessment(
          "selfProposedLevel",
          new FieldError.OwnShortfall(
              Level.COMPLETED, List.of("allTasksOnTime", "shortcomingsRemedied")));

  @Test
  void inVietnameseTheDerivedLevelAndWhatIsMissing() {
    assertThat(problems.of(refusal, Locale.forLanguageTag("vi")).message())
        .isEqualTo(
            "Trường Mức xếp loại tự nhận không được cao hơn mức suy ra từ cấp độ và điểm tự đánh giá"
                + " của chính đảng viên: “Hoàn thành nhiệm vụ”. Để được mức đề xuất còn thiếu: Hoàn thành"
                + " 100% nhiệm vụ đúng hạn, bảo đảm chất lượng; Đã khắc phục 100% hạn chế, khuyết điểm đã"
                + " được chỉ ra.");
  }

  @Test
  void inEnglishTheSame() {
    assertThat(problems.of(refusal, Locale.ENGLISH).message())
        .isEqualTo(
            "Self-proposed level must not be above the level the member's own grades and points give:"
                + " “Fulfilled tasks”. For the level proposed, not met: 100 % of tasks completed on time,"
                + " with quality; Every shortcoming pointed out earlier has been remedied.");
  }

  @Test
  void withNothingToNameTheLevelStill() {
    FieldError graded =
        FieldError.aboveOwnAssessment(
            "selfProposedLevel", new FieldError.OwnShortfall(Level.GOOD, List.of()));
    assertThat(problems.of(graded, Locale.ENGLISH).message())
        .endsWith("grades and points give: “Well fulfilled tasks”.");
  }
}
