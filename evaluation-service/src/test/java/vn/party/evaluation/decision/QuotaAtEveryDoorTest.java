package vn.party.evaluation.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.pages.PageSession;

/**
 * Issue 14: approving EXCELLENT above the quota of the moment needs the reason ({@code quotaReason}) at every door —
 * the domain API, the engine REST API's complete and submit-form (Tasklist's doors) — not only on the page; with it
 * the approval goes through and the reason is on the record (timeline, record page, PDF) in words.
 */
class QuotaAtEveryDoorTest extends EvaluationFlowSupport {

  // 2096 is SelfCriticismBrowserTest's "last year"; 2021 is opened by no other test
  // (CampaignLifecycleTest only has it refused)
  private static final int YEAR = 2021;

  private static final String REASON = "Chi bộ ghi nhận thành tích nổi bật trong năm.";

  /** Eleven characters or more that say nothing: dots, dashes and spaces, Hangul fillers around a word. */
  private static final String[] NO_REASONS = {
    "...........", "- - - - - - - -", "\u3164".repeat(12) + " lý do", "Lý do: ---------"
  };

  @Test
  void anApprovalAboveTheQuotaNeedsAReasonAtEveryDoorAndTheReasonIsRecorded() throws Exception {
    launchedCampaign(YEAR);
    String decision = proposedExcellent("member1", "secretary1");
    Map<String, Object> approve = Map.of("decision", "APPROVE", "decidedLevel", "EXCELLENT");

    // the domain API: no reason, a too-short one, one of invisible characters
    JsonNode refused = refused(complete("committee", decision, approve));
    assertThat(refused.get("message").asText())
        .startsWith("Cần nêu lý do vượt tỷ lệ (ít nhất 10 chữ cái hoặc chữ số)")
        .contains("tối đa 0");
    refused(complete("committee", decision, with(approve, "Cần thiết")));
    refused(complete("committee", decision, with(approve, "\u200B".repeat(20) + "  x  ")));
    // the outsider's re-attack (L2): a reason needs ten letters or digits, not ten characters of
    // punctuation or of letters that show nothing (the Hangul filler)
    for (String noReason : NO_REASONS) {
      refused(complete("committee", decision, with(approve, noReason)));
    }

    // the engine REST API, as Tasklist completes: refused inside the engine, naming the field
    for (String action : new String[] {"complete", "submit-form"}) {
      ResponseEntity<String> engine = engine(action, decision, approve);
      assertThat(engine.getStatusCode().value()).as(engine.getBody()).isEqualTo(400);
      assertThat(engine.getBody())
          .contains("\"field\":\"quotaReason\",\"reason\":\"over-quota-reason-required\"")
          .contains("vượt tỷ lệ");
      for (String noReason : NO_REASONS) {
        ResponseEntity<String> dots = engine(action, decision, with(approve, noReason));
        assertThat(dots.getStatusCode().value()).as(dots.getBody()).isEqualTo(400);
        assertThat(dots.getBody())
            .contains("\"field\":\"quotaReason\",\"reason\":\"over-quota-reason-required\"");
      }
    }
    assertThat(timelineKinds(YEAR, "member1")).doesNotContain("DECIDED");

    // with the reason: through the engine REST API, recorded with the figures
    ResponseEntity<String> accepted = engine("complete", decision, with(approve, REASON));
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);
    assertThat(timelineKinds(YEAR, "member1")).contains("QUOTA_EXCEEDED_CONFIRMED", "DECIDED");
    assertThat(
            jdbc.sql(
                    """
            select details->>'quotaReason' || ' ' || (details->>'excellent') || '/' || (details->>'excellentAllowed')
            from evaluation.timeline_entry where year = :y and member_id = 'member1'
              and kind = 'QUOTA_EXCEEDED_CONFIRMED'""")
                .param("y", YEAR)
                .query(String.class)
                .single())
        .isEqualTo(REASON + " 1/0");

    // the auditor reads it in words on the record page and its PDF
    PageSession auditor = PageSession.of(port, "auditor");
    String page = auditor.get("/app/evaluations/" + YEAR + "/member1").body();
    assertThat(page)
        .contains("Phê duyệt vượt tỷ lệ hoàn thành xuất sắc (có lý do)")
        .contains("Lý do phê duyệt vượt tỷ lệ")
        .contains(REASON)
        .doesNotContain("quotaReason");
    HttpResponse<byte[]> pdf = auditor.download("/app/evaluations/" + YEAR + "/member1.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Lý do phê duyệt vượt tỷ lệ").contains(REASON);
    }

    // GOOD asks for no reason
    String good = proposedGood("member2", "secretary1");
    completeOk("committee", good, Map.of("decision", "APPROVE", "decidedLevel", "GOOD"));

    // a reason through the domain API passes as well
    String second = proposedExcellent("member3", "secretary1");
    completeOk("committee", second, with(approve, REASON));
    assertThat(timelineKinds(YEAR, "member3")).contains("QUOTA_EXCEEDED_CONFIRMED", "DECIDED");
  }

  private String proposedExcellent(String member, String secretary) {
    completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback(member, YEAR, "Tốt");
    completeOk(
        secretary, taskOf(secretary, "branch-review", member, YEAR), branchProposes("EXCELLENT"));
    return taskOf("committee", "committee-decision", member, YEAR);
  }

  private String proposedGood(String member, String secretary) {
    completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism("GOOD"));
    sendResidenceFeedback(member, YEAR, "Tốt");
    completeOk(secretary, taskOf(secretary, "branch-review", member, YEAR), branchProposes("GOOD"));
    return taskOf("committee", "committee-decision", member, YEAR);
  }

  private static Map<String, Object> with(Map<String, Object> values, String reason) {
    Map<String, Object> all = new LinkedHashMap<>(values);
    all.put("quotaReason", reason);
    return all;
  }

  /** 400 naming quotaReason with its reason; the problem for that field. */
  private static JsonNode refused(ResponseEntity<String> response) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    return StreamSupport.stream(json(response.getBody()).get("errors").spliterator(), false)
        .filter(
            e ->
                e.get("field").asText().equals("quotaReason")
                    && e.get("reason").asText().equals("over-quota-reason-required"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(response.getBody()));
  }

  private ResponseEntity<String> engine(String action, String taskId, Map<String, ?> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return as("committee")
        .post()
        .uri("/engine-rest/task/{id}/" + action, taskId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("variables", variables))
        .retrieve()
        .toEntity(String.class);
  }
}
