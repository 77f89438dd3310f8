package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.party.evaluation.pages.PageSession;

/**
 * A kept self-review draft as the member reopens it (outsider of session 14): the warnings of what blocks its
 * submission whenever it is opened (finding 3), every one of them — the sections still too short too, as "Gửi" lists
 * them (finding 4) — and the total points and the level its grades give before a level is chosen (finding 5).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfReviewDraftTest extends EvaluationFlowSupport {

  private static final int YEAR = 2100;

  private static final String[] GENERAL = {
    "politicalIdeology",
    "ethicsLifestyle",
    "organizationDiscipline",
    "workStyle",
    "selfImprovementCommitment"
  };

  @BeforeAll
  void campaign() {
    launchedCampaign(YEAR);
  }

  /**
   * The outsider's draft: general criteria 10 points each (50 > 30), EXCELLENT proposed, sections I and II a word
   * each, III and VI empty. The same list, in the form's order, after saving, on reopening and after "Gửi" (the
   * level's own check waits for the points to be within their groups, at every door).
   */
  @Test
  void aReopenedDraftSaysEverythingTheSubmissionWillRefuse() throws Exception {
    String task = taskOf("member10", "self-review", "member10", YEAR);
    PageSession member = PageSession.of(port, "member10");
    String page = member.get("/app/tasks/" + task).body();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("strengths", "Ngắn");
    for (String item : GENERAL) {
      values.put(item, "Tốt");
      values.put(item + "Grade", "GOOD");
      values.put(item + "Points", 10);
    }
    values.put("dutiesResults", "Đạt");
    values.put("dutiesResultsGrade", "AVERAGE");
    values.put("dutiesResultsPoints", 40);
    values.put("limitations", "x");
    values.put("selfProposedLevel", "EXCELLENT");
    var saved = member.post("/app/tasks/" + task, encode(values, "draft", member.csrf(page)));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

    String afterSave = member.get("/app/tasks/" + task).body();
    Set<String> warned = listed(afterSave);
    String reopened = member.get("/app/tasks/" + task).body();
    assertThat(reopened).contains("Bản nháp đã lưu lúc").doesNotContain("Đã lưu nháp.");
    assertThat(listed(reopened))
        .as("the warnings of the reopened draft are those shown after saving it")
        .isEqualTo(warned)
        .contains(
            "strengths", "limitations", "shortcomingsFixed", "remedialMeasures", "workStylePoints");
    assertThat(reopened)
        .contains(
            "Bản nháp đã được lưu, nhưng còn " + warned.size() + " điều phải sửa thì mới gửi được.")
        .contains("id=\"workStylePoints-error\"")
        .contains("id=\"shortcomingsFixed-error\"");
    // news right after "Lưu nháp" (an alert that takes the focus), not on every opening
    assertThat(summaryTag(afterSave)).contains("role=\"alert\"").contains("autofocus");
    assertThat(summaryTag(reopened)).doesNotContain("role=").doesNotContain("autofocus");

    // "Gửi" lists the same, no more
    var submitted =
        member.post("/app/tasks/" + task, encode(values, "submit", member.csrf(reopened)));
    assertThat(submitted.statusCode()).isEqualTo(400);
    assertThat(List.copyOf(listed(submitted.body()))).isEqualTo(List.copyOf(warned));

    // in English on an English page
    assertThat(member.get("/app/tasks/" + task + "?lang=en").body())
        .contains("The draft was saved, but " + warned.size() + " things must be corrected")
        .doesNotContain("phải sửa");
  }

  /** Every grade and points (25 + 60), the sections partly written, no level chosen yet. */
  @Test
  void aDraftWithEveryGradeAndPointsShowsTheTotalAndTheLevelTheyGive() throws Exception {
    String task = taskOf("member12", "self-review", "member12", YEAR);
    PageSession member = PageSession.of(port, "member12");
    String page = member.get("/app/tasks/" + task).body();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("strengths", "Hoàn thành tốt các nhiệm vụ được giao trong năm.");
    for (String item : GENERAL) {
      values.put(item + "Grade", "GOOD");
      values.put(item + "Points", 5);
    }
    values.put("dutiesResultsGrade", "GOOD");
    values.put("dutiesResultsPoints", 60);
    values.put("allTasksOnTime", true);
    values.put("shortcomingsRemedied", true);
    var saved = member.post("/app/tasks/" + task, encode(values, "draft", member.csrf(page)));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
    String reopened = member.get("/app/tasks/" + task).body();
    assertThat(reopened)
        .contains("id=\"points-general\">25,0<")
        .contains("id=\"points-tasks\">60,0<")
        .contains("id=\"points-total\">85,0<")
        .contains("id=\"derived-level\">Hoàn thành tốt nhiệm vụ<")
        .doesNotContain("rồi lưu nháp để xem tổng điểm");
  }

  /** The opening tag of the page's error summary. */
  private static String summaryTag(String page) {
    int summary = page.indexOf("id=\"form-errors\"");
    assertThat(summary).as("an error summary").isPositive();
    return page.substring(page.lastIndexOf('<', summary), page.indexOf('>', summary) + 1);
  }

  /** The fields the page's error summary lists, in order. */
  private static Set<String> listed(String page) {
    Set<String> fields = new LinkedHashSet<>();
    int summary = page.indexOf("id=\"form-errors\"");
    if (summary < 0) {
      return fields;
    }
    String list = page.substring(summary, page.indexOf("</ul>", summary));
    Matcher matcher = Pattern.compile("<li data-field=\"([^\"]+)\"").matcher(list);
    while (matcher.find()) {
      fields.add(matcher.group(1));
    }
    return fields;
  }

  private static String encode(Map<String, Object> values, String action, String csrf) {
    return values.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(String.valueOf(e.getValue())))
            .collect(Collectors.joining("&"))
        + "&action="
        + action
        + "&_csrf="
        + enc(csrf);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
