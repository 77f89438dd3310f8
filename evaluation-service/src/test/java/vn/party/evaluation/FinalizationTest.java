package vn.party.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 3/4 through the domain API: the committee cannot finalize its members' results over the EXCELLENT quota;
 * it adjusts a level with a reason (only it, only while finalizing, never above the cap, never without a reason),
 * then finalizes and the campaign completes. Also "adjust with a reason" at decision.
 */
class FinalizationTest extends EvaluationFlowSupport {

  private static final int YEAR = 2030;

  @Test
  void overTheQuotaTheCommitteeAdjustsWithAReasonThenFinalizes() {
    launchedCampaign(YEAR);

    decide("member1", "EXCELLENT", "EXCELLENT", null, Map.of());
    // not finalizing yet: nothing to adjust
    assertStatus(adjust("committee", "member1", "GOOD", "Vượt tỷ lệ."), 409);

    decide("member2", "EXCELLENT", "EXCELLENT", null, Map.of());
    // approving another level than the branch proposed needs a reason (adjust with a reason, at
    // decision)
    decide(
        "member3",
        "GOOD",
        "EXCELLENT",
        "Vượt chỉ tiêu 40%, có sáng kiến được công nhận.",
        Map.of());
    for (int n = 4; n <= 14; n++) {
      decide("member" + n, "GOOD", "GOOD", null, Map.of());
    }
    // sick leave of four months caps member15 at COMPLETED
    decide("member15", "COMPLETED", "COMPLETED", null, Map.of("sickLeaveMonths", 4));

    assertThat(history("member3"))
        .anySatisfy(
            entry -> {
              assertThat(entry.get("kind").asText()).isEqualTo("LEVEL_ADJUSTED");
              assertThat(entry.at("/details/branchProposedLevel").asText()).isEqualTo("GOOD");
              assertThat(entry.at("/details/decidedLevel").asText()).isEqualTo("EXCELLENT");
              assertThat(entry.at("/details/reason").asText()).startsWith("Vượt chỉ tiêu 40%");
            });

    // the collectives are rated before the finalization (a collective before its head; none heads
    // one here)
    rateCollectives(YEAR, "GOOD");
    // 3 EXCELLENT, 11 GOOD: at most ⌊0.2 × 11⌋ = 2
    String finalize = finalizeResultsTask(YEAR);
    ResponseEntity<String> refused = complete("committee", finalize, Map.of());
    assertRefused(refused, "excellentCount", "over-quota");
    assertThat(refused.getBody())
        .contains("3 đảng viên hoàn thành xuất sắc nhiệm vụ, 11 hoàn thành tốt nhiệm vụ")
        .contains("tối đa 2");
    // figures of one's own are no way round
    assertRefused(
        complete("committee", finalize, Map.of("excellentCount", 0)),
        "excellentCount",
        "unknown-field");
    ResponseEntity<String> viaEngine =
        as("committee")
            .post()
            .uri("/engine-rest/task/{id}/complete", finalize)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("variables", Map.of()))
            .retrieve()
            .toEntity(String.class);
    assertThat(viaEngine.getStatusCode().value()).as(viaEngine.getBody()).isEqualTo(400);
    assertThat(viaEngine.getBody()).contains("over-quota");

    // who may adjust: only the organization's committee
    for (String user : List.of("secretary1", "member3", "auditor", "district")) {
      assertStatus(adjust(user, "member3", "GOOD", "Vượt tỷ lệ."), 403);
    }
    assertRefused(adjust("committee", "member3", "GOOD", null), "reason", "required");
    assertRefused(adjust("committee", "member3", "GOOD", "   "), "reason", "required");
    assertRefused(adjust("committee", "member3", "BEST", "Vượt tỷ lệ."), "level", "invalid-level");
    assertRefused(adjust("committee", "member3", null, "Vượt tỷ lệ."), "level", "required");
    assertRefused(adjust("committee", "member3", "EXCELLENT", "Không đổi."), "level", "unchanged");
    assertRefused(adjust("committee", "member15", "GOOD", "Nâng mức."), "level", "above-cap");
    // no oracle (issue 12): nobody the committee may read is the same 403 as another's member
    assertStatus(adjust("committee", "no-such-member", "GOOD", "Vượt tỷ lệ."), 403);
    assertStatus(adjust("admin", "no-such-member", "GOOD", "Vượt tỷ lệ."), 404);
    assertThat(adjustments("member3")).isEmpty();

    ResponseEntity<String> adjusted =
        adjust(
            "committee",
            "member3",
            "GOOD",
            "Vượt tỷ lệ 20%: đảng ủy cân nhắc, xếp hoàn thành tốt nhiệm vụ.");
    assertStatus(adjusted, 201);
    assertThat(json(adjusted.getBody()).get("fromLevel").asText()).isEqualTo("EXCELLENT");
    assertThat(json(adjusted.getBody()).get("toLevel").asText()).isEqualTo("GOOD");
    assertThat(evaluation("member3", YEAR, "member3").at("/decision/level").asText())
        .isEqualTo("GOOD");
    assertThat(adjustments("member3"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("fromLevel").asText()).isEqualTo("EXCELLENT");
              assertThat(a.get("adjustedBy").asText()).isEqualTo("committee");
            });
    assertThat(history("member3"))
        .anySatisfy(
            entry -> {
              assertThat(entry.get("kind").asText()).isEqualTo("LEVEL_ADJUSTED");
              assertThat(entry.at("/details/fromLevel").asText()).isEqualTo("EXCELLENT");
              assertThat(entry.at("/details/toLevel").asText()).isEqualTo("GOOD");
              assertThat(entry.at("/details/originalLevel").asText()).isEqualTo("EXCELLENT");
            });

    // the record as a PDF: the committee's original decision and the adjustment with its reason
    assertThat(pdfText("member3"))
        .contains(
            "Đảng ủy quyết định",
            "Hoàn thành xuất sắc nhiệm vụ",
            "Đảng ủy điều chỉnh khi chốt kết quả",
            "Hoàn thành tốt nhiệm vụ",
            "Vượt tỷ lệ 20%");

    // 2 EXCELLENT, 12 GOOD: within; the committee finalizes, the results are announced and, the
    // complaint window
    // passed, the campaign completes
    finalizeResults(YEAR);
    closeComplaintWindow(YEAR);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select status from evaluation.campaign where organization_id = :o and year = :y")
                            .param("o", ORG)
                            .param("y", YEAR)
                            .query(String.class)
                            .single())
                    .isEqualTo("COMPLETED"));
    assertThat(
            jdbc.sql(
                    """
            select excellent || '/' || good || '/' || excellent_allowed || '/' || finalized_by
            from evaluation.result_finalization f join evaluation.campaign c on c.id = f.campaign_id
            where c.year = :y""")
                .param("y", YEAR)
                .query(String.class)
                .single())
        .isEqualTo("2/12/2/committee");
    // after finalization nothing is adjusted any more
    assertStatus(adjust("committee", "member2", "GOOD", "Muộn."), 409);
    assertThat(evaluation("member2", YEAR, "member2").at("/decision/level").asText())
        .isEqualTo("EXCELLENT");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              List<JsonNode> events =
                  readAll("evaluation.events", Duration.ofSeconds(2)).stream()
                      .map(IntegrationTestSupport::cloudEvent)
                      .filter(e -> e.at("/data/year").asInt() == YEAR)
                      .toList();
              assertThat(events)
                  .filteredOn(
                      e ->
                          e.get("type")
                              .asText()
                              .equals("vn.party.evaluation.member.level-adjusted"))
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.get("subject").asText()).isEqualTo("member3");
                        assertThat(e.at("/data/toLevel").asText()).isEqualTo("GOOD");
                        assertThat(e.at("/data/recipients/0/userId").asText()).isEqualTo("member3");
                      });
              assertThat(events)
                  .filteredOn(
                      e ->
                          e.get("type")
                              .asText()
                              .equals("vn.party.evaluation.campaign.results-finalized"))
                  .singleElement()
                  .satisfies(e -> assertThat(e.at("/data/excellent").asInt()).isEqualTo(2));
            });
  }

  private void decide(
      String member, String proposed, String decided, String reason, Map<String, Object> facts) {
    int n = Integer.parseInt(member.substring(6));
    String secretary = "secretary" + ((n - 1) / 5 + 1);
    completeOk(member, taskOf(member, "self-review", member, YEAR), selfCriticism(proposed));
    sendResidenceFeedback(member, YEAR, "Tốt");
    Map<String, Object> branch = new HashMap<>(facts);
    branch.putAll(branchProposes(proposed));
    completeOk(secretary, taskOf(secretary, "branch-review", member, YEAR), branch);
    String decision = taskOf("committee", "committee-decision", member, YEAR);
    if (reason == null) {
      completeOk(
          "committee",
          decision,
          Map.of(
              "decision",
              "APPROVE",
              "decidedLevel",
              decided,
              "quotaReason",
              "Thành tích nổi bật được chi bộ ghi nhận"));
    } else {
      assertRefused(
          complete(
              "committee",
              decision,
              Map.of(
                  "decision",
                  "APPROVE",
                  "decidedLevel",
                  decided,
                  "quotaReason",
                  "Thành tích nổi bật được chi bộ ghi nhận")),
          "decisionComment",
          "adjustment-reason-required");
      completeOk(
          "committee",
          decision,
          Map.of(
              "decision",
              "APPROVE",
              "decidedLevel",
              decided,
              "decisionComment",
              reason,
              "quotaReason",
              "Thành tích nổi bật được chi bộ ghi nhận"));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> "DECIDED".equals(evaluation("committee", YEAR, member).get("status").asText()));
  }

  private ResponseEntity<String> adjust(String user, String member, String level, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("level", level);
    body.put("reason", reason);
    return as(user)
        .post()
        .uri("/api/v1/evaluations/{y}/{m}/adjustments", YEAR, member)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  private List<JsonNode> adjustments(String member) {
    return listOf("committee", "/api/v1/evaluations/{y}/{m}/adjustments", member);
  }

  /** The JSON array the user reads at the member's evaluation's URI, as a list. */
  private List<JsonNode> listOf(String user, String uri, String member) {
    return StreamSupport.stream(
            json(as(user).get().uri(uri, YEAR, member).retrieve().body(String.class)).spliterator(),
            false)
        .toList();
  }

  private String pdfText(String member) {
    try {
      var pdf =
          vn.party.evaluation.pages.PageSession.of(port, "auditor")
              .download("/app/evaluations/" + YEAR + "/" + member + ".pdf");
      assertThat(pdf.statusCode()).isEqualTo(200);
      com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.body());
      StringBuilder text = new StringBuilder();
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        text.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(i));
      }
      reader.close();
      return text.toString().replaceAll("\\s+", " "); // the table wraps long cells
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<JsonNode> history(String member) {
    return listOf("auditor", "/api/v1/evaluations/{y}/{m}/history", member);
  }

  private static void assertStatus(ResponseEntity<String> response, int status) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
  }

  private static void assertRefused(ResponseEntity<String> response, String field, String reason) {
    Refusals.assertFieldRefused(response, field, reason);
  }
}
