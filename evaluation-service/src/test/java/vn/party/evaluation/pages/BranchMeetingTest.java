package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * The branch meeting in one sitting: attendance once, then each member's criticism, votes and proposal; a proposal
 * the vote does not support (configured rule: EXCELLENT needs ≥ 2/3, GOOD > 1/2 of the eligible voters) is refused
 * with the reason and nothing of the meeting is written; a supported one completes the member's branch review.
 */
class BranchMeetingTest extends EvaluationFlowSupport {

  private static final int YEAR = 2076;
  private static final String BRANCH = ORG + "-cb1";
  private static final String MEETING = "/app/meetings/" + BRANCH + "/" + YEAR;

  @Test
  void theSecretaryRecordsTheMeetingAndTheVoteRuleIsApplied() throws Exception {
    launchedCampaign(YEAR);
    // before anyone is ready the branch reaches its meeting page, which lists who has not
    // submitted (outsider's use of the pages: "Không còn đảng viên nào chờ chi bộ xét", no link)
    PageSession early = PageSession.of(port, "secretary1");
    assertThat(early.get("/app/meetings").body()).contains(MEETING);
    assertThat(early.get(MEETING).body())
        .containsPattern("id=\"roll-not-submitted\"[\\s\\S]*data-member=\"member1\"");
    for (String member : List.of("member1", "member2", "member3")) {
      completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
      sendResidenceFeedback(member, YEAR, "Tốt");
    }
    String review1 = taskOf("secretary1", "branch-review", "member1", YEAR);
    String review2 = taskOf("secretary1", "branch-review", "member2", YEAR);
    String review3 = taskOf("secretary1", "branch-review", "member3", YEAR);

    PageSession secretary = PageSession.of(port, "secretary1");
    assertThat(secretary.get("/app/meetings").body()).contains(MEETING);
    HttpResponse<String> page = secretary.get(MEETING);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-member=\"member1\"", "data-member=\"member2\"", "data-member=\"member3\"");
    assertThat(PageSession.of(port, "secretary2").get(MEETING).statusCode()).isEqualTo(403);

    Map<String, String> form = new LinkedHashMap<>();
    form.put("heldOn", LocalDate.now().toString());
    form.put("place", "Nhà văn hóa khu dân cư số 1");
    form.put("officialMembers", "5");
    form.put("exemptedMembers", "0");
    form.put("present", "4");
    form.put("absentNames", "Nguyễn Văn B (ốm)");
    meetingEntry(
        form, review1, "EXCELLENT", Map.of("EXCELLENT", "2", "GOOD", "2"), "Nhiều sáng kiến.");
    meetingEntry(form, review2, "GOOD", Map.of("GOOD", "3", "COMPLETED", "1"), "Cần chủ động hơn.");
    meetingEntry(form, review3, "", Map.of(), "");

    // EXCELLENT with 2 of 5 votes: refused, the reason next to member1, nothing written
    HttpResponse<String> refused =
        secretary.post(MEETING, meetingForm(form, secretary.csrf(page.body())));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("chỉ được 2/5 phiếu tán thành").contains("&gt;=2/3");
    assertThat(meetings()).isZero();
    assertThat(evaluation("secretary1", YEAR, "member1").get("status").asText())
        .isEqualTo("BRANCH_REVIEW");

    // more votes than members present: refused too
    meetingEntry(
        form, review1, "EXCELLENT", Map.of("EXCELLENT", "4", "GOOD", "1"), "Nhiều sáng kiến.");
    assertThat(secretary.post(MEETING, meetingForm(form, secretary.csrf(page.body()))).body())
        .contains("Tổng số phiếu nhiều hơn số đảng viên có mặt");
    assertThat(meetings()).isZero();

    // 4 of 5 for EXCELLENT, 3 of 5 for GOOD: recorded, both proposals go to the committee; member3
    // waits
    meetingEntry(form, review1, "EXCELLENT", Map.of("EXCELLENT", "4"), "Nhiều sáng kiến.");
    HttpResponse<String> recorded =
        secretary.post(MEETING, meetingForm(form, secretary.csrf(page.body())));
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
    assertThat(meetings()).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.branch_meeting_vote v join evaluation.branch_meeting m "
                        + "on m.id = v.meeting_id where m.year = :y")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(
                      evaluation("secretary1", YEAR, "member1").at("/branchReview/level").asText())
                  .isEqualTo("EXCELLENT");
              assertThat(
                      evaluation("secretary1", YEAR, "member1")
                          .at("/branchReview/comment")
                          .asText())
                  .isEqualTo("Nhiều sáng kiến.");
              assertThat(
                      evaluation("secretary1", YEAR, "member2").at("/branchReview/level").asText())
                  .isEqualTo("GOOD");
              assertThat(evaluation("secretary1", YEAR, "member3").get("status").asText())
                  .isEqualTo("BRANCH_REVIEW");
            });
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.timeline_entry where year = :y and member_id = 'member1' "
                        + "and kind = 'BRANCH_MEETING' and details->>'votesEXCELLENT' = '4'")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // the branch review itself carries the tally, counted against the five members entitled to vote
    assertThat(
            jdbc.sql(
                    "select count(*) from evaluation.timeline_entry where year = :y and member_id = 'member1' "
                        + "and kind = 'TASK_COMPLETED' and task_key = 'branch-review' and details->>'eligibleVoters' = '5' "
                        + "and details->>'votesExcellent' = '4' and details->>'votesGood' = '0'")
                .param("y", YEAR)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(secretary.get(MEETING).body())
        .contains("data-member=\"member3\"")
        .doesNotContain("data-member=\"member1\"");

    // both proposals stand on recorded minutes: no formality signal for the branch; member3's, sent
    // through the API
    // with its tally but without minutes of a meeting, is one
    String signals = PageSession.of(port, "auditor").get("/app/audit/signals?year=" + YEAR).body();
    assertThat(signals)
        .contains("Đề xuất của chi bộ không có biên bản họp được ghi nhận")
        .doesNotContain("id=\"without-vote\"");
    completeOk("secretary1", review3, branchProposes("GOOD"));
    signals = PageSession.of(port, "auditor").get("/app/audit/signals?year=" + YEAR).body();
    String withoutVote = signals.substring(signals.indexOf("id=\"without-vote\""));
    assertThat(withoutVote.substring(0, withoutVote.indexOf("</table>")))
        .contains("data-branch=\"thanh-khe-tay-cb1\"")
        .contains("<td>1</td><td>3</td>");
  }

  private int meetings() {
    return jdbc.sql("select count(*) from evaluation.branch_meeting where year = :y")
        .param("y", YEAR)
        .query(Integer.class)
        .single();
  }
}
