package vn.party.evaluation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.party.evaluation.EvaluationFlowSupport;

/**
 * Issue 14 without JavaScript (plain form posts, as a browser without scripts sends them): the self-review's required
 * sections and the confirmation of EXCELLENT above the quota are the server's checks, not the page script's; refused
 * with the field marked and nothing written, then accepted once complete.
 */
class DecidePagesWithoutScriptTest extends EvaluationFlowSupport {

  private static final int YEAR = 2089;

  @Test
  void theRequiredSectionsAndTheQuotaConfirmationHoldWithoutAScript() throws Exception {
    launchedCampaign(YEAR);
    // a self-review with the level only: refused on the page, each empty section named; nothing
    // submitted
    String selfReview = taskOf("member13", "self-review", "member13", YEAR);
    PageSession member = PageSession.of(port, "member13");
    String page = member.get("/app/tasks/" + selfReview).body();
    member.post("/app/tasks/" + selfReview + "/claim", "_csrf=" + enc(member.csrf(page)));
    page = member.get("/app/tasks/" + selfReview).body();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("action", "submit");
    form.put("selfProposedLevel", "GOOD");
    form.put("strengths", "Tốt.");
    HttpResponse<String> refused =
        member.post("/app/tasks/" + selfReview, encode(form, member.csrf(page)));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "id=\"strengths-error\"",
            "id=\"limitations-error\"",
            "id=\"shortcomingsFixed-error\"",
            "id=\"remedialMeasures-error\"",
            "href=\"#strengths\"")
        .contains("cần ít nhất 20 ký tự");
    assertThat(evaluation("member13", YEAR, "member13").get("status").asText())
        .isEqualTo("SELF_REVIEW");
    form.put("strengths", "Hoàn thành tốt công việc chuyên môn, tham gia đầy đủ sinh hoạt chi bộ.");
    form.put("limitations", "Đôi khi chậm báo cáo; nguyên nhân là chưa sắp xếp công việc hợp lý.");
    form.put("shortcomingsFixed", "Đã khắc phục việc đi họp muộn mà chi bộ nêu năm trước.");
    form.put("remedialMeasures", "Lập lịch báo cáo hằng tháng và nhắc việc trên điện thoại.");
    assertThat(
            member.post("/app/tasks/" + selfReview, encode(form, member.csrf(page))).statusCode())
        .isEqualTo(302);
    sendResidenceFeedback("member13", YEAR, "Tốt.");
    // the branch's proposal sent on its review page, not at a recorded meeting
    String review = taskOf("secretary3", "branch-review", "member13", YEAR);
    PageSession secretary = PageSession.of(port, "secretary3");
    String reviewPage = secretary.get("/app/tasks/" + review).body();
    secretary.post("/app/tasks/" + review + "/claim", "_csrf=" + enc(secretary.csrf(reviewPage)));
    reviewPage = secretary.get("/app/tasks/" + review).body();
    Map<String, String> proposal = new LinkedHashMap<>();
    proposal.put("action", "submit");
    branchProposes("EXCELLENT").forEach((name, value) -> proposal.put(name, String.valueOf(value)));
    HttpResponse<String> proposed =
        secretary.post("/app/tasks/" + review, encode(proposal, secretary.csrf(reviewPage)));
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(302);

    // EXCELLENT with no member decided GOOD yet: above the quota of the moment; refused until
    // confirmed with a reason
    String decision = taskOf("committee", "committee-decision", "member13", YEAR);
    PageSession committee = PageSession.of(port, "committee");
    String decisionPage = committee.get("/app/tasks/" + decision).body();
    assertThat(decisionPage).contains("id=\"quota-would-exceed\"", "id=\"quota-base\"");
    // seventh session's outsider (finding 7): the page claimed a proposal without minutes was
    // "gửi qua API hoặc Tasklist", though it was sent on the page; how it was sent is not recorded
    String minutes = decisionPage.substring(decisionPage.indexOf("id=\"proposal-minutes\""));
    assertThat(minutes.substring(0, minutes.indexOf("</dd>")))
        .contains("Đề xuất của chi bộ được gửi không kèm biên bản")
        .doesNotContain("Tasklist")
        .doesNotContain("API");
    committee.post(
        "/app/tasks/" + decision + "/claim", "_csrf=" + enc(committee.csrf(decisionPage)));
    decisionPage = committee.get("/app/tasks/" + decision).body();
    assertThat(decisionPage).doesNotContainPattern("id=\"quota-confirmation\"[^>]*hidden");
    // another level chosen: the confirmation of EXCELLENT above the quota is not shown (outsider of
    // session 13, MEDIUM 5), here when the page comes back refused
    Map<String, String> good = new LinkedHashMap<>();
    good.put("action", "submit");
    good.put("decision", "APPROVE");
    good.put("decidedLevel", "GOOD");
    HttpResponse<String> noReason =
        committee.post("/app/tasks/" + decision, encode(good, committee.csrf(decisionPage)));
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).containsPattern("id=\"quota-confirmation\"[^>]*hidden");
    Map<String, String> decide = new LinkedHashMap<>();
    decide.put("action", "submit");
    decide.put("decision", "APPROVE");
    decide.put("decidedLevel", "EXCELLENT");
    decide.put("quotaReason", "Còn nhiều đảng viên chưa được quyết định.");
    HttpResponse<String> unconfirmed =
        committee.post("/app/tasks/" + decision, encode(decide, committee.csrf(decisionPage)));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body())
        .contains("id=\"quotaReason-error\"")
        .contains("Phê duyệt vượt tỷ lệ hoàn thành xuất sắc cần được xác nhận và nêu lý do.");
    assertThat(timelineKinds(YEAR, "member13")).doesNotContain("DECIDED");
    decide.put("quotaConfirmed", "true");
    assertThat(
            committee
                .post("/app/tasks/" + decision, encode(decide, committee.csrf(decisionPage)))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql(
                    """
            select details->>'quotaReason' || ' ' || (details->>'excellent') || '/' || (details->>'excellentAllowed')
            from evaluation.timeline_entry where year = :y and member_id = 'member13'
              and kind = 'QUOTA_EXCEEDED_CONFIRMED'""")
                .param("y", YEAR)
                .query(String.class)
                .single())
        .isEqualTo("Còn nhiều đảng viên chưa được quyết định. 1/0");
  }

  private static String encode(Map<String, String> form, String csrf) {
    return form.entrySet().stream()
            .map(e -> e.getKey() + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"))
        + "&_csrf="
        + enc(csrf);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
