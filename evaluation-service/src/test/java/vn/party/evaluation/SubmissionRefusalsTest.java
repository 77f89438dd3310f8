package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.pages.PageSession;

/**
 * What is recorded and told when a submission is refused (ninth session's outsider). A level above the cap refused at
 * the pages is on the timeline, as from the API, engine REST and Tasklist (finding 2): the task page, and the branch
 * meeting, which refuses all its proposals together before completing any (it used to check them without recording
 * the refusal). A second submission of one's own task (a double click, two tabs) is told the task is already submitted
 * (409), not that the person has no right to it (finding 6); anybody else still gets the one answer for a task they
 * cannot see (403), whether it exists or not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionRefusalsTest extends EvaluationFlowSupport {

  /** A year no other test class opens (MostOfTheYearTest uses it as a plain number). */
  private static final int YEAR = 2039;

  @BeforeAll
  void aCampaign() {
    launchedCampaign(YEAR);
  }

  @Test
  void aRefusalAboveTheCapOnTheTaskPageIsOnTheTimeline() throws Exception {
    String branchReview = cappedBranchReview("member3");

    PageSession page = PageSession.of(port, "secretary1");
    String token = page.csrf(page.get("/app/tasks/" + branchReview).body());
    page.post("/app/tasks/" + branchReview + "/claim", "_csrf=" + token);
    StringBuilder form = new StringBuilder("action=submit&_csrf=" + token);
    branchProposes("GOOD").forEach((k, v) -> form.append('&').append(k).append('=').append(v));
    HttpResponse<String> refused = page.post("/app/tasks/" + branchReview, form.toString());

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("branchProposedLevel-error");
    assertThat(refusals("member3")).isEqualTo(1);
  }

  @Test
  void aMeetingRefusedForAProposalAboveTheCapRecordsThatRefusal() {
    String branchReview = cappedBranchReview("member4");

    Map<String, Object> meeting =
        MeetingApiTest.meeting(MeetingApiTest.entry(branchReview, "GOOD", Map.of("GOOD", 4)));
    ResponseEntity<String> refused =
        as("secretary1")
            .post()
            .uri("/api/v1/branches/" + ORG + "-cb1/meetings/" + YEAR)
            .contentType(MediaType.APPLICATION_JSON)
            .body(meeting)
            .retrieve()
            .toEntity(String.class);

    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains("above-cap");
    assertThat(refusals("member4")).isEqualTo(1);
    assertThat(taskOf("secretary1", "branch-review", "member4", YEAR))
        .as("nothing completed")
        .isEqualTo(branchReview);
  }

  @Test
  void theSecondSubmissionOfOnesOwnTaskIsToldItIsAlreadySubmitted() {
    String selfReview = taskOf("member1", "self-review", "member1", YEAR);
    completeOk("member1", selfReview, selfCriticism("GOOD"));

    ResponseEntity<String> again = complete("member1", selfReview, selfCriticism("GOOD"));
    assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
    assertThat(json(again.getBody()).get("detail").asText())
        .isEqualTo("Bạn đã gửi công việc này rồi: kết quả đã được ghi nhận, không cần gửi lại.");

    ResponseEntity<String> someoneElse = complete("member2", selfReview, selfCriticism("GOOD"));
    assertThat(someoneElse.getStatusCode().value()).as(someoneElse.getBody()).isEqualTo(403);
  }

  /**
   * Fourteenth session's outsider, item 1: the page of a task one has already sent says so in words, in Vietnamese
   * (English on request), with the site's menu — it showed a raw "(409)" and no menu (an exception handler's model
   * lacked the signed-in user).
   */
  @Test
  void thePageOfAnAlreadySentTaskSaysSoInWordsWithTheMenu() throws Exception {
    String selfReview = taskOf("member2", "self-review", "member2", YEAR);
    completeOk("member2", selfReview, selfCriticism("GOOD"));

    PageSession page = PageSession.of(port, "member2");
    HttpResponse<String> sent = page.get("/app/tasks/" + selfReview);
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(409);
    assertThat(sent.body())
        .contains("Bạn đã gửi công việc này rồi")
        .contains("id=\"main-menu\"")
        .doesNotContain("409")
        .doesNotContain("You have already");
    HttpResponse<String> english = page.get("/app/tasks/" + selfReview + "?lang=en");
    assertThat(english.statusCode()).isEqualTo(409);
    assertThat(english.body())
        .contains("You have already submitted this task")
        .contains("id=\"main-menu\"")
        .doesNotContain("409");
  }

  /** The member's branch review, the member capped at NOT_COMPLETED by a discipline of the year. */
  private String cappedBranchReview(String member) {
    sendDiscipline(member, YEAR, "QĐ-39/UBKT-" + member, "REPRIMAND", false);
    await().atMost(Duration.ofSeconds(30)).until(() -> kinds(member).contains("LEVEL_CAP_APPLIED"));
    completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback(member, YEAR, "Tốt.");
    return taskOf("secretary1", "branch-review", member, YEAR);
  }

  private int refusals(String member) {
    return (int) kinds(member).stream().filter("ABOVE_CAP_REFUSED"::equals).count();
  }

  private List<String> kinds(String member) {
    return jdbc.sql(
            "select kind from evaluation.timeline_entry where year = :y and member_id = :m order by id")
        .param("y", YEAR)
        .param("m", member)
        .query(String.class)
        .list();
  }
}
