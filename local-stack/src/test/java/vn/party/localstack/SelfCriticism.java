package vn.party.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A member's self-review as the services take it (issue 14): the self-proposed level and the sections a
 * self-criticism requires — strengths, limitations and causes, remedies of earlier shortcomings, direction — each
 * longer than the default minimum of 20 characters (EXCELLENT: with section I graded as Mẫu 02A under 366), then
 * any more values (name, value, …; they win).
 */
public final class SelfCriticism {

  private SelfCriticism() {}

  public static Map<String, Object> of(String level, Object... more) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("strengths", "Hoàn thành tốt nhiệm vụ chuyên môn được giao trong năm.");
    values.put(
        "limitations", "Đôi lúc chậm nộp báo cáo; nguyên nhân: chưa sắp xếp thời gian hợp lý.");
    values.put(
        "shortcomingsFixed", "Đã khắc phục việc đi họp muộn được chỉ ra ở kỳ kiểm điểm trước.");
    values.put("remedialMeasures", "Lập kế hoạch công việc hằng tuần, nộp báo cáo đúng hạn.");
    values.put("selfProposedLevel", level);
    if ("EXCELLENT".equals(level)) {
      // EXCELLENT needs a graded section I (SelfReviewRules): Mẫu 02A under 366, 95 points
      for (String item :
          new String[] {
            "politicalIdeology",
            "ethicsLifestyle",
            "organizationDiscipline",
            "workStyle",
            "selfImprovementCommitment"
          }) {
        values.put(item, "Tự đánh giá: gương mẫu, chấp hành nghiêm.");
        values.put(item + "Grade", "EXCELLENT");
        values.put(item + "Points", 5);
      }
      values.put("dutiesResults", "Hoàn thành vượt mức các nhiệm vụ được giao.");
      values.put("dutiesResultsGrade", "EXCELLENT");
      values.put("dutiesResultsPoints", 70);
      values.put("allTasksOnTime", true);
      values.put("exceedingTasksPercent", 30);
      values.put("shortcomingsRemedied", true);
    }
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return values;
  }
}
