package vn.party.evaluation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The near-copy signal compares every section a self-criticism keeps, section III (the remedies of earlier
 * shortcomings) among them: two reviews alike in I, II and the direction but each with its own section III are not
 * copies, and two alike only in section III are.
 */
class FormalitySignalsTextsTest {

  private static final String SAME_I =
      "Luôn giữ vững lập trường tư tưởng chính trị, chấp hành nghiêm chủ trương của Đảng.";
  private static final String SAME_II =
      "Đôi lúc chưa sắp xếp thời gian hợp lý cho công việc chung.";
  private static final String SAME_VI =
      "Tiếp tục học tập, rèn luyện, sắp xếp công việc khoa học hơn.";

  @Test
  void sectionThreeIsCompared() {
    assertThat(FormalitySignals.TEXTS)
        .containsExactly("strengths", "limitations", "shortcomingsFixed", "remedialMeasures");
  }

  @Test
  void reviewsAlikeButForSectionThreeAreNotNearCopies() {
    Map<String, String> first =
        review(
            "Đã khắc phục việc chậm nộp báo cáo tháng bằng cách lập lịch nhắc việc hằng tuần và báo cáo"
                + " chi ủy định kỳ, kết quả cả năm không còn báo cáo nào trễ hạn so với quy định.");
    Map<String, String> second =
        review(
            "Hạn chế năm trước về tham gia sinh hoạt khu dân cư đã được sửa bằng việc nhận phụ trách tổ"
                + " tự quản số bốn, dự đủ mười hai buổi họp và vận động được ba hộ hoàn thành đóng góp.");
    double similarity = similarity(first, second);
    assertThat(similarity).isLessThan(FormalitySignals.NEAR_COPY);
  }

  @Test
  void reviewsAlikeOnlyInSectionThreeShowTheirLikeness() {
    String copied =
        "Đã khắc phục việc chậm nộp báo cáo tháng bằng cách lập lịch nhắc việc hằng tuần và báo cáo"
            + " chi ủy định kỳ, kết quả cả năm không còn báo cáo nào trễ hạn so với quy định.";
    Set<String> shingles = FormalitySignals.shingles(text(Map.of("shortcomingsFixed", copied)));
    assertThat(shingles).isNotEmpty();
  }

  private static Map<String, String> review(String sectionThree) {
    return Map.of(
        "strengths", SAME_I,
        "limitations", SAME_II,
        "shortcomingsFixed", sectionThree,
        "remedialMeasures", SAME_VI);
  }

  /** The compared text as the signal builds it: the values of {@link FormalitySignals#TEXTS}, in order. */
  private static String text(Map<String, String> values) {
    return FormalitySignals.TEXTS.stream()
        .map(field -> values.getOrDefault(field, ""))
        .collect(Collectors.joining(" "));
  }

  private static double similarity(Map<String, String> a, Map<String, String> b) {
    return FormalitySignals.jaccard(
        FormalitySignals.shingles(text(a)), FormalitySignals.shingles(text(b)));
  }
}
